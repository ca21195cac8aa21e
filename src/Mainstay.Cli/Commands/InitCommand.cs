using System.CommandLine;
using Mainstay.Data.Storage;

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay init</c>: creates the ledger, or upgrades an older one in place.</summary>
public static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "init", "Create an empty ledger, or upgrade an existing one to this version's schema.");
        command.SetAction((parsed, cancel) => CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
        {
            var version = await db.SchemaVersionAsync(cancel);
            await context.Out.WriteLineAsync(
                $"{db.Target.Display}: Mainstay ledger, schema version {version} of {Migrations.Latest}");
            return ExitCode.Ok;
        }, create: true));
        return command;
    }
}
