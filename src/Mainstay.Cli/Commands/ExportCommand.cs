using System.CommandLine;
using Mainstay.Data.Export;
using Mainstay.Data.Files;
using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay export</c>: writes ledger tables in their import formats.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Files to write, each named for the table it holds (offers.csv, "
                + "pledges.xlsx, ...). None: every table into --out",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var kind = new Option<string?>("--kind")
        {
            Description = $"The table to write, when the file name does not say: {LedgerFile.KindNames}",
            HelpName = "KIND",
        };
        var outDir = new Option<string>("--out")
        {
            Description = "Folder for the export of every table",
            DefaultValueFactory = _ => "export",
            HelpName = "DIR",
        };
        var format = new Option<string>("--format")
        {
            Description = "File type for the export of every table",
            DefaultValueFactory = _ => "csv",
            HelpName = "csv|xlsx",
        };
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
                targets.AddRange(
                    LedgerKinds.All.Select(k => (k, Path.Combine(folder, $"{k.Name}.{parsed.GetValue(format)}"))));
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

            var folderTarget = paths.Length == 0 ? parsed.GetValue(outDir)! : null;
            if (targets.FirstOrDefault(t => Directory.Exists(t.Path)) is { Path: { } folderInTheWay })
            {
                await context.Error.WriteLineAsync($"{folderInTheWay}: is a folder, not a file; no file was written");
                return ExitCode.BadInput;
            }
            return await CommonOptions.WithLedgerAsync(parsed, context, cancel,
                db => ExportAsync(context, db, targets, folderTarget, cancel), readOnly: true);
        });
        return command;
    }

    /// <summary>
    /// Writes every target from one snapshot, so the files agree with each other even while others
    /// write, and moves them into place only when all are written: a failure leaves no file changed.
    /// </summary>
    private static async Task<int> ExportAsync(
        CliContext context, LedgerDatabase db, List<(LedgerKind Kind, string Path)> targets, string? folder,
        CancellationToken cancel)
    {
        var counts = new List<(string Path, int Rows, LedgerKind Kind)>();
        var moved = new List<string>();
        var writing = folder ?? targets[0].Path;
        var committing = false;
        try
        {
            using var staged = folder is null ? StagedFiles.Beside() : StagedFiles.InFolder(folder);
            await using (var snapshot = await db.BeginReadAsync(cancel))
            {
                foreach (var (k, path) in targets)
                {
                    writing = folder ?? path;
                    var written = await LedgerExport.ExportAsync(db, k, staged.Stage(path), snapshot, cancel);
                    if (!written.IsOk)
                    {
                        await context.Error.WriteLineAsync($"{path}: {written.Problem.Message}; no file was written");
                        return ExitCode.Failure;
                    }
                    counts.Add((path, written.Value, k));
                }
            }
            committing = true;
            staged.Commit(moved.Add);
        }
        catch (System.Data.Common.DbException e)
        {
            await context.Error.WriteLineAsync(
                $"mainstay: cannot read the ledger: {DatabaseFailures.Describe(e)}; no file was written");
            return ExitCode.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var where = committing ? folder ?? targets[moved.Count].Path : writing;
            await context.Error.WriteLineAsync($"{where}: cannot write: {e.Message}; " + (moved.Count == 0
                ? "no file was written"
                : $"{moved.Count} of {targets.Count} files were replaced "
                    + $"({string.Join(", ", moved.Select(Path.GetFileName))}), "
                    + "the others were left as they were"));
            return ExitCode.Failure;
        }
        foreach (var (path, rows, k) in counts)
            await context.Out.WriteLineAsync($"{path}: {rows} {k.Name} rows");
        return ExitCode.Ok;
    }
}
