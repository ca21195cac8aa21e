using Mainstay.Access;
using Mainstay.Ledger;
using Mainstay.Problems;

namespace Mainstay.Data.Ledger;

/// <summary>
/// One table of the ledger: its file columns, its key, and how a row of text becomes a record.
/// Rows move between files, the database and the audit trail as canonical text cells (one per
/// column, in column order), so equal records always have equal cells and a re-import can tell
/// exactly what changed.
/// </summary>
public abstract class LedgerKind
{
    private PartyColumnIndexes? _partyColumns;

    /// <summary>Which table of the ledger this is: what rules about the table decide by.</summary>
    public abstract LedgerTable Id { get; }

    /// <summary>
    /// The kind's name, also the stem of its file name (<c>offers.csv</c>), its URL and its entity in the audit trail.
    /// </summary>
    public abstract string Name { get; }

    /// <summary>The name of its table in the database.</summary>
    public abstract string Table { get; }

    public abstract IReadOnlyList<LedgerColumn> Columns { get; }

    /// <summary>How many leading columns form the key (the id a re-import updates by).</summary>
    public virtual int KeyColumns => 1;

    /// <summary>What one row is, for messages: "offer", "requirement".</summary>
    public abstract string RowNoun { get; }

    public string KeyOf(IReadOnlyList<string> cells) =>
        KeyColumns == 1 ? cells[0] : string.Join('/', cells.Take(KeyColumns));

    public string KeyDescription => KeyColumns == 1
        ? Columns[0].Name
        : string.Join(" and ", Columns.Take(KeyColumns).Select(c => c.Name));

    /// <summary>Reads one row into canonical cells; null when the row has problems (reported to the reader).</summary>
    public abstract string[]? Canonicalize(RowReader row);

    /// <summary>The position of <paramref name="column"/> among <see cref="Columns"/>, or -1.</summary>
    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == column)
                return i;
        return -1;
    }

    /// <summary>The cells of a row of this kind, looked up by column name.</summary>
    private protected Func<string, string> CellsByName(IReadOnlyList<string> cells) => column =>
        ColumnIndex(column) is var i and >= 0
            ? cells[i]
            : throw new ArgumentException($"{Name} has no column {column}", nameof(column));

    /// <summary>The name of the column naming the nation on <paramref name="side"/>, in every kind with one.</summary>
    public static string ColumnName(NationSide side) => side == NationSide.Donor ? "donor" : "recipient";

    /// <summary>The position of the column naming the nation on <paramref name="side"/>, or -1.</summary>
    public int ColumnOf(NationSide side) => side == NationSide.Donor ? PartyColumns.Donor : PartyColumns.Recipient;

    /// <summary>What the access rules read of a row of this kind, from its cells.</summary>
    public RowParties PartiesOf(IReadOnlyList<string> cells)
    {
        var at = PartyColumns;
        var released = at.Released >= 0 && at.Recipients >= 0 && cells[at.Released] == "yes";
        return new RowParties(
            at.Donor < 0 ? null : cells[at.Donor],
            at.Recipient < 0 ? null : cells[at.Recipient],
            released ? ReachOf(cells[at.Recipients]) : null);
    }

    // Stored rows always parse; a row still on its way in (asked only who may write it) may not,
    // and then reaches no one.
    private static CodeScope ReachOf(string recipients) =>
        CodeScope.TryParse(recipients, out var scope, out _) ? scope : CodeScope.Only([]);

    /// <summary>Where the columns <see cref="PartiesOf"/> reads are, found once per kind (-1: it has none).</summary>
    private sealed record PartyColumnIndexes(int Donor, int Recipient, int Released, int Recipients);

    private PartyColumnIndexes PartyColumns => _partyColumns ??= new PartyColumnIndexes(
        ColumnIndex(ColumnName(NationSide.Donor)), ColumnIndex(ColumnName(NationSide.Recipient)),
        ColumnIndex("released"), ColumnIndex("recipients"));

    /// <summary>
    /// Problems that only show between rows (beyond duplicate keys), e.g. the tranches of one pledge.
    /// </summary>
    /// <param name="shown">Whether the reader of the problems may see a row (by its cells); null: every row.</param>
    public virtual IEnumerable<Problem> CheckTogether(
        IReadOnlyList<SourcedRow> rows, Func<string[], bool>? shown = null) => [];
}

/// <summary>A ledger kind whose rows are records of <typeparamref name="T"/>.</summary>
public abstract class LedgerKind<T> : LedgerKind
    where T : class
{
    public abstract T Read(RowReader row);

    public abstract string[] Write(T record);

    public override string[]? Canonicalize(RowReader row)
    {
        var record = Read(row);
        return row.HasProblems ? null : Write(record);
    }

    /// <summary>Turns stored canonical cells back into a record (they were valid when stored).</summary>
    public T FromCells(IReadOnlyList<string> cells)
    {
        var problems = new List<Problem>();
        var row = new RowReader(Table, CellsByName(cells), problems);
        var record = Read(row);
        return problems.Count == 0
            ? record
            : throw new InvalidOperationException($"stored {RowNoun} is invalid: {problems[0]}");
    }

}

/// <summary>A row's canonical cells and where it came from (<c>file:line</c>).</summary>
public sealed record SourcedRow(string Where, string[] Cells);
