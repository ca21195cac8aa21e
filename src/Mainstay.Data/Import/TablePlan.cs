using Mainstay.Data.Ledger;

namespace Mainstay.Data.Import;

/// <summary>
/// What an import will do to one table, worked out before anything is written: the rows it adds,
/// changes (with what they were) and removes, and the table as it will be.
/// </summary>
public sealed class TablePlan(ValidatedTable table, SortedDictionary<string, string[]> stored)
{
    public ValidatedTable Table { get; } = table;

    public LedgerKind Kind => Table.Kind;

    /// <summary>The rows as stored before the import.</summary>
    public SortedDictionary<string, string[]> Stored { get; } = stored;

    /// <summary>The rows as they will be: key to cells.</summary>
    public Dictionary<string, string[]> Final { get; } = new(stored, StringComparer.Ordinal);

    /// <summary>Where each row the import writes (or leaves as the file has it) comes from, by key.</summary>
    public Dictionary<string, string> FileRows { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The rows this import writes, by key, as the writer wrote them: before a reference it reads as
    /// empty (see <see cref="TablePlanning"/>) is put back. Only these are checked as the writer's.
    /// </summary>
    public Dictionary<string, string[]> Written { get; } = new(StringComparer.Ordinal);

    public List<string[]> Added { get; } = [];

    public List<(string[] Before, string[] After)> Changed { get; } = [];

    public List<string[]> Removed { get; } = [];

    public int Unchanged { get; set; }

    /// <summary>
    /// Where a row of the table as it will be is reported: the file line of a row the import writes,
    /// else the stored row (also for a file row refused, whose stored row stays: a problem of that
    /// row is not one of the line's).
    /// </summary>
    public string WhereOf(string key) =>
        Written.ContainsKey(key) && FileRows.TryGetValue(key, out var where) ? where : StoredWhere(Kind, key);

    public static string StoredWhere(LedgerKind kind, string key) => $"{kind.Name} {key}";
}
