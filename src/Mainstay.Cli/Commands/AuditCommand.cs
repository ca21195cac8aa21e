using System.CommandLine;
using Mainstay.Data.Audit;
using Mainstay.Problems;

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay audit verify</c>: checks the audit trail's hash chain.</summary>
public static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var verify = new Command(
            "verify", "Check that no audit entry was altered, removed or reordered; report the first that was.");
        verify.SetAction((parsed, cancel) => CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
        {
            var result = await AuditVerification.RunAsync(db, cancel);
            if (result.Intact && result.TablesMatch)
            {
                await context.Out.WriteLineAsync($"audit trail intact: {result.EntriesChecked} entries, each "
                    + "chained to the one before; the tables match it");
                return ExitCode.Ok;
            }
            if (result.Intact)
            {
                await context.Error.WriteLineAsync($"{db.Target.Display}: {VisibleText.Escape(result.TableMismatch!)}");
                await context.Error.WriteLineAsync($"the audit trail is intact ({result.EntriesChecked} "
                    + "entries), but the tables were changed outside Mainstay");
                return ExitCode.Failure;
            }
            await context.Error.WriteLineAsync($"{db.Target.Display}: audit_log: {VisibleText.Escape(result.Reason!)}");
            await context.Error.WriteLineAsync($"audit trail broken at entry {result.FirstBadSeq}; the "
                + $"{result.EntriesChecked} entries before it are intact");
            return ExitCode.Failure;
        }, readOnly: true));
        var command = new Command("audit", "The audit trail of every change to the ledger.");
        command.Subcommands.Add(verify);
        return command;
    }
}
