using Mainstay.Access;
using Mainstay.Data.Ledger.Rows;
using Mainstay.Data.Ledger;
using Mainstay.Ledger;

namespace Mainstay.Data.Access;

/// <summary>
/// A row as one user may read it: a reference to a row that user may not see (an officer's delivery
/// of an offer its donor has not released, a desk's contribution reimbursed by another nation's) reads
/// as empty, so no id of a hidden row ever reaches the user, not even through the row's ETag.
/// </summary>
public static class RowViews
{
    /// <summary>
    /// The tables not everyone may read that <paramref name="kind"/>'s rows name rows of: what a view needs loaded.
    /// </summary>
    public static IEnumerable<LedgerKind> Referenced(LedgerKind kind) =>
        kind.Columns.Select(c => c.RowOf).OfType<LedgerTable>()
            .Distinct()
            .Select(LedgerKinds.Find)
            .Where(Restricted);

    private static bool Restricted(LedgerKind kind) => !AccessPolicy.CanSeeTable(null, kind.Id);

    /// <param name="table">The stored rows of each table of <see cref="Referenced"/>.</param>
    public static string[] AsSeen(
        User? user, LedgerKind kind, string[] cells, Func<LedgerKind, IReadOnlyDictionary<string, string[]>> table)
    {
        if (AccessPolicy.SeesEverything(user))
            return cells;
        string[]? seen = null;
        for (var i = 0; i < kind.Columns.Count; i++)
        {
            if (kind.Columns[i].RowOf is not { } targetTable || cells[i].Length == 0)
                continue;
            var target = LedgerKinds.Find(targetTable);
            if (Restricted(target) && !Shows(user, kind.Columns[i], cells[i], table(target)))
                (seen ??= [.. cells])[i] = "";
        }
        return seen ?? cells;
    }

    /// <summary>
    /// Whether <paramref name="user"/> sees every row the reference <paramref name="cell"/> of
    /// <paramref name="column"/> names: any row of a table everyone reads (the item catalogue); otherwise
    /// each row must exist in <paramref name="rows"/> (the stored rows of the table it names) and be one
    /// the user may see.
    /// </summary>
    public static bool Shows(User? user, LedgerColumn column, string cell, IReadOnlyDictionary<string, string[]> rows)
    {
        var target = LedgerKinds.Find(column.RowOf!.Value);
        if (AccessPolicy.SeesEverything(user) || !Restricted(target))
            return true;
        foreach (var value in column.NamedValues(cell))
            if (column.Find(rows, value) is not { } row || !AccessPolicy.CanSee(user, target.Id, target.PartiesOf(row)))
                return false;
        return true;
    }

    /// <summary>The row's version tag as <paramref name="user"/> reads the row.</summary>
    public static string ETagAsSeen(
        User? user, LedgerKind kind, string[] cells, Func<LedgerKind, IReadOnlyDictionary<string, string[]>> table) =>
        RowETag.Of(AsSeen(user, kind, cells, table));
}
