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
public sealed record LedgerColumn(
    string Name,
    ColumnType Type = ColumnType.Text,
    bool Optional = false,
    NationReference References = NationReference.None,
    string? Currency = null,
    string Default = "",
    LedgerTable? RowOf = null);
