using Mainstay.Data.Files;
using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;
using Mainstay.Problems;

namespace Mainstay.Data.Export;

/// <summary>
/// Writes a ledger table to a CSV or Excel file in its import format, sorted by key, so an export re-imports unchanged.
/// </summary>
public static class LedgerExport
{
    public static async Task<Result<int>> ExportAsync(
        LedgerDatabase db, LedgerKind kind, string path, System.Data.Common.DbTransaction? transaction = null,
        CancellationToken cancel = default)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
            return new Problem(
                Path.GetFileName(path), "", $"unsupported file type \"{extension}\"; expected .csv or .xlsx");
        var rows = await LedgerTables.LoadAsync(db, kind, transaction, cancel);
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
                Directory.CreateDirectory(directory);
            // Write beside the target and move into place, so a failed export never leaves half a file.
            var temporary = path + ".partial";
            await using (var stream = File.Create(temporary))
                Write(stream, kind, rows.Values, extension == ".csv" ? ExportFormat.Csv : ExportFormat.Xlsx);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Problem(path, "", $"cannot write the file: {e.Message}");
        }
        return Result<int>.Ok(rows.Count);
    }

    /// <summary>Writes rows of a table in its import format (a download of a list, or a file export).</summary>
    public static void Write(Stream stream, LedgerKind kind, IEnumerable<IReadOnlyList<string>> rows, ExportFormat format) =>
        
        Write(stream, kind.Name, [.. kind.Columns.Select(c => c.Name)], rows, NumericColumns(kind), format);

    /// <summary>
    /// Writes any table of text cells as CSV, or as an Excel sheet where <paramref name="numeric"/> columns hold
    /// numbers.
    /// </summary>
    public static void Write(
        Stream stream, string sheet, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlySet<int> numeric, ExportFormat format)
    {
        if (format == ExportFormat.Csv)
            CsvTableFile.Write(stream, header, rows);
        else
            XlsxTableFile.Write(stream, sheet, header, rows, numeric);
    }

    private static HashSet<int> NumericColumns(LedgerKind kind) =>
        kind.Columns.Select((c, i) => (c, i)).Where(p => p.c.Type != ColumnType.Text).Select(p => p.i).ToHashSet();
}

public enum ExportFormat
{
    Csv,
    Xlsx,
}
