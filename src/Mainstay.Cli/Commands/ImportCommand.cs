using System.CommandLine;
using Mainstay.Data.Files;
using Mainstay.Data.Import;
using Mainstay.Data.Storage;
using Mainstay.Ledger;
using Spectre.Console;

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay import FILE...</c>: applies ledger files all or nothing.</summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "CSV or Excel files, each named for what it holds "
                + "(nations.csv, offers.xlsx, eurofxref-hist.csv, ...)",
            Arity = ArgumentArity.OneOrMore,
        };
        var kind = new Option<string?>("--kind")
        {
            Description = $"What the files hold, when their names do not say: {LedgerFile.KindNames}",
            HelpName = "KIND",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Check the files and print what would change; change nothing",
        };
        var allowRemovals = new Option<bool>("--allow-removals")
        {
            Description = "Remove the rows the files lack; without it an import that would remove rows is refused",
        };
        var donor = new Option<string?>("--donor")
        {
            Description = "Replace only this nation's rows (offers, pledges, "
                + "contributions it gives); other nations' rows stay",
            HelpName = "CODE",
        };
        var recipient = new Option<string?>("--recipient")
        {
            Description = "Replace only the rows of what this nation receives "
                + "(requirements, deliveries, pledges, contributions)",
            HelpName = "CODE",
        };
        var command = new Command(
            "import", "Import ledger files. A file holds the whole of its table (or, with --donor or --recipient, "
            + "one nation's rows of it): rows are matched by id, so the ledger ends up "
                + "equal to the file. All files apply together or not at all.");
        command.Arguments.Add(files);
        command.Options.Add(kind);
        command.Options.Add(dryRun);
        command.Options.Add(allowRemovals);
        command.Options.Add(donor);
        command.Options.Add(recipient);
        command.SetAction(async (parsed, cancel) =>
        {
            var target = CommonOptions.Target(parsed, context);
            if (!target.IsOk)
            {
                context.Report([target.Problem]);
                return ExitCode.BadInput;
            }
            var scope = Scope(parsed.GetValue(donor), parsed.GetValue(recipient));
            if (!scope.IsOk)
            {
                context.Report([scope.Problem]);
                return ExitCode.BadInput;
            }
            var options = new ImportOptions
            {
                Scope = scope.Value,
                AllowRemovals = parsed.GetValue(allowRemovals),
                DryRun = parsed.GetValue(dryRun),
            };
            var (outcome, openExit) = await WithProgressAsync(context, async progress =>
            {
                // Files are checked before the ledger is opened, so bad files never touch it.
                var request = new ImportFiles.Request(parsed.GetValue(files)!, parsed.GetValue(kind), options);
                var read = ImportFiles.ReadFiles(request, writer: null, progress);
                if (!read.NeedsWrite)
                    return await CheckAsync(target.Value, read, context, progress, cancel);
                return await CommonOptions.WithNewOrExistingLedgerAsync(target.Value, context, cancel,
                    db => ImportFiles.HandleAsync(
                        db, read, CommonOptions.Actor(parsed, context), context.Clock, progress, cancel),
                    keep: o => o.Ok);
            });
            if (outcome is null)
                return openExit;
            if (!outcome.Ok)
                return context.Reject(outcome.Problems, "nothing was imported");
            foreach (var change in outcome.Changes)
            {
                await context.Out.WriteLineAsync(change.Any
                    ? $"{change.Source}: {change.Added} added, {change.Changed} changed, "
                        + $"{change.Removed} removed, {change.Unchanged} unchanged"
                    : $"{change.Source}: no changes ({change.Unchanged} {change.Kind.Name} rows already up to date)");
                foreach (var skipped in change.Skipped)
                    await context.Out.WriteLineAsync($"{change.Source}: skipped {skipped}");
            }
            if (options.DryRun)
                await context.Out.WriteLineAsync("Dry run: nothing was changed.");
            else if (outcome.Changes.All(c => !c.Any))
                await context.Out.WriteLineAsync("Nothing changed: the ledger already matches these files.");
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>
    /// Files with problems, or a dry run: checked against a ledger already at the current schema, opened
    /// read-only, so bad files or a dry run never create, upgrade or write one. Files with problems and a
    /// ledger that cannot be read: the files' own problems are all there is to say.
    /// </summary>
    private static async Task<(ImportOutcome?, int)> CheckAsync(
        DatabaseTarget target, ImportFiles.Read read, CliContext context, IProgress<ImportProgress>? progress,
        CancellationToken cancel)
    {
        var opened = await LedgerDatabase.OpenReadOnlyAsync(target, cancel);
        if (!opened.IsOk && read.Problems.Count > 0)
            return (new ImportOutcome(read.Problems, []), ExitCode.Ok);
        if (!opened.IsOk)
        {
            context.Report([opened.Problem]);
            await context.Error.WriteLineAsync("nothing was changed: a dry run neither creates nor upgrades one");
            return (null, LedgerDatabase.IsRunTimeFailure(opened.Problem) ? ExitCode.Failure : ExitCode.BadInput);
        }
        await using var db = opened.Value;
        return (await ImportFiles.HandleAsync(db, read, "dry run", context.Clock, progress, cancel), ExitCode.Ok);
    }

    /// <summary>The nation an import is scoped to, from --donor or --recipient (not both), or null.</summary>
    private static Mainstay.Problems.Result<ImportScope?> Scope(string? donor, string? recipient)
    {
        if (donor is not null && recipient is not null)
            return new Mainstay.Problems.Problem("--donor", "", "give --donor or --recipient, not both");
        var (side, code, flag) = donor is not null
            ? (NationSide.Donor, donor, "--donor")
            : (NationSide.Recipient, recipient, "--recipient");
        if (code is null)
            return Mainstay.Problems.Result<ImportScope?>.Ok(null);
        return code.Length == 2 && code.All(char.IsAsciiLetterUpper)
            ? new ImportScope(side, code)
            : new Mainstay.Problems.Problem(flag, "", $"expected a nation's two-letter code (DE, UA), got \"{code}\"");
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
