using System.CommandLine;
using Mainstay.Data.Export;
using Mainstay.Data.Files;
using Mainstay.Data.Ledger;

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay export</c>: writes ledger tables in their import formats.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Files to write, each named for the table it holds (offers.csv, pledges.xlsx, ...). None: every table into --out",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var kind = new Option<string?>("--kind") { Description = $"The table to write, when the file name does not say: {LedgerFile.KindNames}", HelpName = "KIND" };
        var outDir = new Option<string>("--out") { Description = "Folder for the export of every table", DefaultValueFactory = _ => "export", HelpName = "DIR" };
        var format = new Option<string>("--format") { Description = "File type for the export of every table", DefaultValueFactory = _ => "csv", HelpName = "csv|xlsx" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var command = new Command("export", "Export ledger tables to CSV or Excel, in the same format import reads.");
        command.Arguments.Add(files);
        command.Options.Add(kind);
        command.Options.Add(outDir);
        command.Options.Add(format);
        command.SetAction(async (parsed, cancel) =>
        {
            var targets = new List<(LedgerKind Kind, string Path)>();
            var kindName = parsed.GetValue(kind);
            var paths = parsed.GetValue(files) ?? [];
            if (paths.Length == 0)
            {
                var folder = parsed.GetValue(outDir)!;
                targets.AddRange(LedgerKinds.All.Select(k => (k, Path.Combine(folder, $"{k.Name}.{parsed.GetValue(format)}"))));
            }
            foreach (var path in paths)
            {
                var k = LedgerFile.ResolveKind(path, kindName);
                if (!k.IsOk)
                {
                    context.Report([k.Problem]);
                    return ExitCode.BadInput;
                }
                if (Path.GetExtension(path).ToLowerInvariant() is not (".csv" or ".xlsx"))
                {
                    await context.Error.WriteLineAsync($"{path}: unsupported file type; expected .csv or .xlsx");
                    return ExitCode.BadInput;
                }
                targets.Add((k.Value, path));
            }

            return await CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
            {
                // One snapshot for all tables, so the files agree with each other even while others write.
                await using var snapshot = await db.BeginReadAsync(cancel);
                foreach (var (k, path) in targets)
                {
                    var written = await LedgerExport.ExportAsync(db, k, path, snapshot, cancel);
                    if (!written.IsOk)
                    {
                        context.Report([written.Problem]);
                        return ExitCode.Failure;
                    }
                    await context.Out.WriteLineAsync($"{path}: {written.Value} {k.Name} rows");
                }
                return ExitCode.Ok;
            });
        });
        return command;
    }
}
