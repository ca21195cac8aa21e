using Mainstay.Data.Ledger;
using Mainstay.Problems;

namespace Mainstay.Data.Files;

/// <summary>A ledger file read from disk: which kind of rows it holds, and its table of text.</summary>
public sealed record LedgerFile(LedgerKind Kind, TextTable Table)
{
    /// <summary>The largest file read: a million rows of CSV are about 100 MB.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>
    /// The kind a file name implies: <c>offers.csv</c>, <c>offers-2025.xlsx</c> and <c>offers_de.csv</c>
    /// hold offers; <c>eurofxref-hist.csv</c> holds ECB rates, <c>imf_exchangerates_A_ENDA_USD.csv</c>
    /// IMF annual rates and the Kiel tracker's <c>data_explorer.csv</c> contributions.
    /// </summary>
    public static LedgerKind? KindFromName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path).ToLowerInvariant().Replace('_', '-');
        if (stem.StartsWith("eurofxref", StringComparison.Ordinal))
            return LedgerKinds.ExchangeRates;
        if (stem.StartsWith("imf-exchangerates", StringComparison.Ordinal))
            return LedgerKinds.AnnualRates;
        if (stem.StartsWith("data-explorer", StringComparison.Ordinal))
            return LedgerKinds.Contributions;
        return LedgerKinds.All
            .OrderByDescending(k => k.Name.Length)
            .FirstOrDefault(
                k => stem == k.Name
                    || stem.StartsWith(k.Name + "-", StringComparison.Ordinal)
                    || stem.StartsWith(k.Name + ".", StringComparison.Ordinal));
    }

    public static string KindNames => string.Join(", ", LedgerKinds.All.Select(k => k.Name));

    /// <summary>The kind named by <c>--kind</c>, else the one the file's name implies.</summary>
    public static Result<LedgerKind> ResolveKind(string path, string? kindName)
    {
        var kind = kindName is null ? KindFromName(path) : LedgerKinds.Find(kindName);
        if (kind is not null)
            return Result<LedgerKind>.Ok(kind);
        return kindName is not null
            ? new Problem(Path.GetFileName(path), "--kind", $"unknown kind \"{kindName}\"; expected one of {KindNames}")
            : new Problem(Path.GetFileName(path), "", "cannot tell what the file holds from its name; name it after "
                + $"its kind ({KindNames}), e.g. offers.csv, or pass --kind");
    }

    public static Result<LedgerFile> Read(string path, string? kindName, ICollection<Problem> problems)
    {
        var name = Path.GetFileName(path);
        var resolved = ResolveKind(path, kindName);
        if (!resolved.IsOk)
            return resolved.Problem;
        var kind = resolved.Value;

        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
                return new Problem(
                    name, "", "the file is larger than "
                        + $"{MaxFileBytes / (1024 * 1024)} MB, the most one import reads; split it");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Problem(name, "", $"cannot read the file: {e.Message}");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        var table = extension switch
        {
            ".csv" or ".txt" => CsvTableFile.Read(name, bytes),
            ".xlsx" => XlsxTableFile.Read(name, bytes, problems),
            _ => new Problem(name, "", $"unsupported file type \"{extension}\"; expected .csv or .xlsx"),
        };
        if (!table.IsOk)
            return table.Problem;
        if (kind == LedgerKinds.ExchangeRates && EcbRatesFile.Looks(table.Value))
            table = EcbRatesFile.ToLong(table.Value, problems);
        else if (kind == LedgerKinds.AnnualRates && ImfRatesFile.Looks(table.Value))
            table = ImfRatesFile.ToLong(table.Value, problems);
        else if (kind == LedgerKinds.Contributions && KielTrackerFile.Looks(table.Value))
            table = KielTrackerFile.ToContributions(table.Value, problems);
        if (!table.IsOk)
            return table.Problem;
        return Result<LedgerFile>.Ok(new LedgerFile(kind, table.Value));
    }
}
