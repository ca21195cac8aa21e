using System.CommandLine;
using Mainstay.Data.Demo;
using Mainstay.Data.Import;
using Mainstay.Data.Storage;

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay demo</c>: builds a fresh SQLite ledger with the demo scenario and summarises it.</summary>
public static class DemoCommand
{
    public const string DefaultPath = "mainstay-demo.db";

    public static Command Create(CliContext context)
    {
        var force = new Option<bool>("--force")
        {
            Description = "Replace the file given with --db if it exists (the default demo file is always replaced)",
        };
        var command = new Command("demo", $"Build a fresh SQLite ledger ({DefaultPath} unless --db says otherwise) "
            + "with a realistic, deterministic scenario, and summarise it.");
        var serve = new Option<bool>("--serve")
        {
            Description = "Then serve it: the web app and its API, as 'mainstay serve' does",
        };
        var urls = ServeCommand.UrlsOption();
        command.Options.Add(force);
        command.Options.Add(serve);
        command.Options.Add(urls);
        command.SetAction(async (parsed, cancel) =>
        {
            var path = parsed.GetValue(CommonOptions.Database) ?? DefaultPath;
            var target = DatabaseTarget.Parse(path);
            if (!target.IsOk || target.Value.Dialect != Dialect.Sqlite)
            {
                await context.Error.WriteLineAsync("--db: the demo builds a SQLite file; give a file path");
                return ExitCode.BadInput;
            }
            if (File.Exists(path) && path != DefaultPath && !parsed.GetValue(force))
            {
                await context.Error.WriteLineAsync(
                    $"{path}: exists; the demo builds a fresh ledger and would replace it. Pass --force to replace it");
                return ExitCode.BadInput;
            }
            LedgerDatabase.DeleteSqliteFile(path);

            var opened = await LedgerDatabase.OpenAsync(target.Value, context.Clock, cancel: cancel);
            if (!opened.IsOk)
            {
                context.Report([opened.Problem]);
                return ExitCode.Failure;
            }
            await using (var db = opened.Value)
            {
                var outcome = await LedgerImport.ApplyAsync(
                    db, DemoScenario.Build(), "demo", context.Clock, cancel: cancel);
                if (!outcome.Ok)
                {
                    context.Report(outcome.Problems);
                    return ExitCode.Failure;
                }
                await context.Out.WriteLineAsync($"Built the demo ledger in {path}:");
                foreach (var change in outcome.Changes)
                    await context.Out.WriteLineAsync($"  {change.Kind.Name,-15} {change.Added,6:N0} rows");
                await DemoSummary.WriteAsync(db, context.Out, cancel);
            }
            await context.Out.WriteLineAsync();
            if (parsed.GetValue(serve))
                return await ServeCommand.ServeAsync(context, target.Value, parsed.GetValue(urls)!, cancel);
            await context.Out.WriteLineAsync($"Next: mainstay plan --db {path}    mainstay report burden-sharing "
                + $"--year 2025 --db {path}    mainstay serve --db {path}");
            return ExitCode.Ok;
        });
        return command;
    }
}
