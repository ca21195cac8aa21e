using System.CommandLine;
using Mainstay.Data.Files;
using Mainstay.Data.Import;
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
            return await CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
            {
                var paths = parsed.GetValue(files)!;
                var actor = CommonOptions.Actor(parsed, context);
                var outcome = context.Interactive
                    ? await WithProgressBarAsync(context, progress => LedgerImport.ImportFilesAsync(db, paths, parsed.GetValue(kind), actor, context.Clock, progress, cancel))
                    : await LedgerImport.ImportFilesAsync(db, paths, parsed.GetValue(kind), actor, context.Clock, null, cancel);
                if (!outcome.Ok)
                {
                    context.Report(outcome.Problems);
                    await context.Error.WriteLineAsync($"{outcome.Problems.Count} problem{(outcome.Problems.Count == 1 ? "" : "s")}; nothing was imported");
                    return ExitCode.BadInput;
                }
                foreach (var change in outcome.Changes)
                    await context.Out.WriteLineAsync(change.Any
                        ? $"{change.Source}: {change.Added} added, {change.Changed} changed, {change.Removed} removed, {change.Unchanged} unchanged"
                        : $"{change.Source}: no changes ({change.Unchanged} {change.Kind.Name} rows already up to date)");
                if (outcome.Changes.All(c => !c.Any))
                    await context.Out.WriteLineAsync("Nothing changed: the ledger already matches these files.");
                return ExitCode.Ok;
            });
        });
        return command;
    }

    private static async Task<ImportOutcome> WithProgressBarAsync(CliContext context, Func<IProgress<ImportProgress>, Task<ImportOutcome>> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        ImportOutcome? outcome = null;
        await console.Progress().AutoClear(true).HideCompleted(true).StartAsync(async progressContext =>
        {
            var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
            var progress = new SynchronousProgress(p =>
            {
                if (!tasks.TryGetValue(p.Stage, out var task))
                    tasks[p.Stage] = task = progressContext.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                task.Value = p.Done;
            });
            outcome = await run(progress);
        });
        return outcome!;
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
