using Mainstay.Ledger;

namespace Mainstay.Data.Ledger;

public enum ColumnType
{
    /// <summary>Stored as text.</summary>
    Text,
    /// <summary>A whole number, stored as BIGINT.</summary>
    Integer,
    /// <summary>A decimal amount in a file, stored as BIGINT minor units of its currency.</summary>
    Amount,
}

/// <summary>How a nation code in a column must exist in the nations table.</summary>
public enum NationReference
{
    None,
    /// <summary>The cell is one nation code.</summary>
    One,
    /// <summary>The cell is a ;-separated list of codes.</summary>
    List,
    /// <summary>The cell is a ;-separated list of codes, or * for any.</summary>
    ListOrAny,
}

/// <summary>How a reference column's cell names rows of the table it refers to.</summary>
public enum RowNaming
{
    /// <summary>The cell is one key of the table (a delivery's offer).</summary>
    Key,
    /// <summary>The cell is <c>*</c> (any, naming no row) or a ;-separated list of keys (a fund's item types).</summary>
    KeyList,
    /// <summary>
    /// The cell is the first part of a key of two parts, naming every row that shares it (a fund's pledge:
    /// a pledge's id, every year of it).
    /// </summary>
    FirstKeyPart,
}

/// <summary>A column of a ledger table, named the same in files and in the database.</summary>
/// <param name="Currency">For an amount: the column holding its currency, or a fixed ISO code such as "EUR".</param>
/// <param name="Default">
/// For a column a migration added: the value it gave the rows already there, which audit entries
/// recorded before the migration do not mention.
/// </param>
/// <param name="RowOf">
/// For a column that names a row of another table (a delivery's offer): that table. The row
/// must exist after every write, and a reader who may not see it reads the cell as empty.
/// </param>
/// <param name="Naming">How the cell names rows of <paramref name="RowOf"/>.</param>
/// <param name="SameAs">
/// For a reference: a column both tables have whose value the named row must share (a fund draws only
/// on a pledge of its own donor).
/// </param>
public sealed record LedgerColumn(
    string Name,
    ColumnType Type = ColumnType.Text,
    bool Optional = false,
    NationReference References = NationReference.None,
    string? Currency = null,
    string Default = "",
    LedgerTable? RowOf = null,
    RowNaming Naming = RowNaming.Key,
    string? SameAs = null)
{
    /// <summary>The values a reference cell names rows by: none for an empty cell or <c>*</c>.</summary>
    public IEnumerable<string> NamedValues(string cell)
    {
        if (cell.Length == 0)
            return [];
        if (Naming != RowNaming.KeyList)
            return [cell];
        return cell == "*" ? [] : cell.Split(';').Where(v => v.Length > 0);
    }

    /// <summary>
    /// A row of <paramref name="rows"/> (a table's rows by key) that <paramref name="value"/>, one of
    /// <see cref="NamedValues"/>, names; for a first key part the first row sharing it; null: none.
    /// </summary>
    public string[]? Find(IReadOnlyDictionary<string, string[]> rows, string value)
    {
        if (Naming != RowNaming.FirstKeyPart)
            return rows.GetValueOrDefault(value);
        foreach (var cells in rows.Values)
            if (cells[0] == value)
                return cells;
        return null;
    }

    /// <summary>
    /// The rows of <paramref name="rows"/> by the value that names them: their key, or for a first key part
    /// that part (the first row sharing it), to look many values up at once.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Index(IReadOnlyDictionary<string, string[]> rows)
    {
        if (Naming != RowNaming.FirstKeyPart)
            return rows;
        var index = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var cells in rows.Values)
            index.TryAdd(cells[0], cells);
        return index;
    }
}
