using System.CommandLine;
using Mainstay.Data.Files;
using Mainstay.Data.Import;
using Mainstay.Data.Storage;
using Spectre.Console;

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay import FILE...</c>: applies ledger files all or nothing.</summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "CSV or Excel files, each named for what it holds (nations.csv, offers.xlsx, eurofxref-hist.csv, ...)",
            Arity = ArgumentArity.OneOrMore,
        };
        var kind = new Option<string?>("--kind")
        {
            Description = $"What the files hold, when their names do not say: {LedgerFile.KindNames}",
            HelpName = "KIND",
        };
        var command = new Command("import", "Import ledger files. A file holds the whole of its table: rows are matched by id, so the ledger ends up equal to the file. All files apply together or not at all.");
        command.Arguments.Add(files);
        command.Options.Add(kind);
        command.SetAction(async (parsed, cancel) =>
        {
            var target = CommonOptions.Target(parsed, context);
            if (!target.IsOk)
            {
                context.Report([target.Problem]);
                return ExitCode.BadInput;
            }
            var newLedger = target.Value.SqlitePath is { } path && !File.Exists(path) ? path : null;
            var (outcome, openExit) = await WithProgressAsync(context, async progress =>
            {
                // Files are checked before the ledger is opened, so bad files never touch it.
                var (tables, problems) = LedgerImport.ReadFiles(parsed.GetValue(files)!, parsed.GetValue(kind), progress);
                if (problems.Count > 0)
                    return ((ImportOutcome?)new ImportOutcome(problems, []), ExitCode.Ok);
                var (db, exit) = await CommonOptions.OpenAsync(parsed, context, cancel, create: true);
                if (db is null)
                    return ((ImportOutcome?)null, exit);
                await using (db)
                    return ((ImportOutcome?)await LedgerImport.ApplyAsync(db, tables, CommonOptions.Actor(parsed, context), context.Clock, progress, cancel), ExitCode.Ok);
            });
            if (outcome is null)
                return openExit;
            if (!outcome.Ok)
            {
                if (newLedger is not null)
                    LedgerDatabase.DeleteSqliteFile(newLedger); // it was created for this import alone
                return context.Reject(outcome.Problems, "nothing was imported");
            }
            foreach (var change in outcome.Changes)
            {
                await context.Out.WriteLineAsync(change.Any
                    ? $"{change.Source}: {change.Added} added, {change.Changed} changed, {change.Removed} removed, {change.Unchanged} unchanged"
                    : $"{change.Source}: no changes ({change.Unchanged} {change.Kind.Name} rows already up to date)");
                foreach (var skipped in change.Skipped)
                    await context.Out.WriteLineAsync($"{change.Source}: skipped {skipped}");
            }
            if (outcome.Changes.All(c => !c.Any))
                await context.Out.WriteLineAsync("Nothing changed: the ledger already matches these files.");
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Runs with a progress bar on the terminal's error stream, or without one when not interactive.</summary>
    private static async Task<T> WithProgressAsync<T>(CliContext context, Func<IProgress<ImportProgress>?, Task<T>> run)
    {
        if (!context.Interactive)
            return await run(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        return await console.Progress().AutoClear(true).HideCompleted(true).StartAsync(async progressContext =>
        {
            var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
            return await run(new SynchronousProgress(p =>
            {
                if (!tasks.TryGetValue(p.Stage, out var task))
                    tasks[p.Stage] = task = progressContext.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                task.Value = p.Done;
            }));
        });
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
