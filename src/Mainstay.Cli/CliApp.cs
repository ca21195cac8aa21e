using System.CommandLine;
using System.CommandLine.Help;
using Mainstay.Cli.Commands;

namespace Mainstay.Cli;

/// <summary>The <c>mainstay</c> command: its subcommands, and parse errors answered with exit status 2.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        // A plain command rather than RootCommand, whose name would be the host's executable name.
        var root = new Command(
            "mainstay", "Mainstay: the ledger and planner for long-term, predictable multinational support.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(CommonOptions.Database);
        root.Options.Add(CommonOptions.User);
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(AuditCommand.Create(context));
        root.Subcommands.Add(BackupCommand.Create(context));
        root.Subcommands.Add(RestoreCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(PlanCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(UserCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                await context.Error.WriteLineAsync($"mainstay: {error.Message}");
            await context.Error.WriteLineAsync("Run 'mainstay --help' for usage.");
            return ExitCode.BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = context.Out,
                    Error = context.Error,
                    EnableDefaultExceptionHandler = false,
                });
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("mainstay: cancelled; nothing was changed");
            return ExitCode.Failure;
        }
        catch (System.Data.Common.DbException e)
        {
            // Every write is one transaction, so a database failure midway leaves the ledger as it was.
            await context.Error.WriteLineAsync(
                $"mainstay: {Mainstay.Data.Storage.DatabaseFailures.Describe(e)}; the ledger was not changed");
            return ExitCode.Failure;
        }
        catch (IOException e)
        {
            await context.Error.WriteLineAsync($"mainstay: {e.Message}");
            return ExitCode.Failure;
        }
    }
}
