using Mainstay.Access;
using Mainstay.Data.Access;
using Mainstay.Data.Ledger;
using Mainstay.Ledger;

namespace Mainstay.Data.Import;

/// <summary>
/// An import that replaces one nation's rows of its tables (<c>--donor DE</c>: DE's offers, pledges
/// and contributions) and leaves every other nation's rows as they are.
/// </summary>
public sealed record ImportScope(NationSide Side, string Nation)
{
    /// <summary>The name of the column that must name <see cref="Nation"/>, for messages.</summary>
    public string Column => LedgerKind.ColumnName(Side);

    /// <summary>The scope as the command line writes it.</summary>
    public override string ToString() => $"--{Column} {Nation}";

    /// <summary>Whether rows of <paramref name="kind"/> belong to a nation on this side.</summary>
    public bool Applies(LedgerKind kind) => kind.ColumnOf(Side) >= 0 && AccessPolicy.OwnerSide(kind.Id) is not null;

    public bool Holds(LedgerKind kind, IReadOnlyList<string> cells) => cells[kind.ColumnOf(Side)] == Nation;
}

/// <summary>How an import applies its files.</summary>
public sealed record ImportOptions
{
    /// <summary>Replace only one nation's rows; null: the files hold their whole tables.</summary>
    public ImportScope? Scope { get; init; }

    /// <summary>Remove the rows the files lack; without it an import that would remove rows is refused.</summary>
    public bool AllowRemovals { get; init; }

    /// <summary>Work out and report every change, then roll it back.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// The account the import is made for, whose view of the ledger words every problem and limits
    /// which rows a new reference may name; null: someone who sees everything (the command line).
    /// </summary>
    public User? Viewer { get; init; }

    /// <summary>Whether the writer sees only part of the ledger.</summary>
    public bool Limited => Viewer is not null && !AccessPolicy.SeesEverything(Viewer);

    /// <summary>
    /// Whether the writer sees the rows the cell of a reference <paramref name="column"/> names (stored in
    /// <paramref name="rows"/>, the rows of the table it names).
    /// </summary>
    public bool ShowsReference(LedgerColumn column, string cell, IReadOnlyDictionary<string, string[]> rows) =>
        !Limited || RowViews.Shows(Viewer, column, cell, rows);

    public bool Sees(LedgerKind kind, IReadOnlyList<string> cells) =>
        !Limited || AccessPolicy.CanSee(Viewer, kind.Id, kind.PartiesOf(cells));
}
