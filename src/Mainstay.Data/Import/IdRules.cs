using Mainstay.Access;
using Mainstay.Data.Ledger;
using Mainstay.Problems;

namespace Mainstay.Data.Import;

/// <summary>
/// The ids of rows that belong to a nation (see <see cref="NationIds"/>): an id that begins with a
/// nation's code and a hyphen is that nation's, whoever writes it; and a desk or officer names a row
/// it adds with its own nation's prefix (or, for another year of a pledge, an id it already has).
/// Checked before anything else about a new row, so the answer never depends on rows the writer may
/// not see.
/// </summary>
public static class IdRules
{
    /// <param name="ownIds">For a writer who sees part of the ledger: the ids of the rows it may write, or
    /// null.</param>
    /// <param name="nations">The nations' codes: an id's prefix reserves it only when it is one of them.</param>
    public static IEnumerable<Problem> Problems(
        LedgerKind kind, IReadOnlyList<string> cells, string where, bool added, User? writer,
        IReadOnlySet<string>? ownIds,
        IReadOnlySet<string> nations)
    {
        if (AccessPolicy.OwnerSide(kind.Id) is not { } ownerSide)
            yield break;
        var id = cells[0];
        var ownerColumn = kind.ColumnOf(ownerSide);
        var owner = cells[ownerColumn];
        if (NationIds.NationOf(id, nations) is { } nation && nation != owner)
        {
            yield return new Problem(
                where, kind.Columns[0].Name, $"ids that begin with \"{NationIds.PrefixOf(nation)}\" are {nation}'s; "
                + $"this {kind.RowNoun}'s {kind.Columns[ownerColumn].Name} is {owner}: give it an id "
                    + $"that begins with \"{NationIds.PrefixOf(owner)}\"");
            yield break;
        }
        if (added && writer?.Nation is { } own && !AccessPolicy.SeesEverything(writer)
            && !id.StartsWith(NationIds.PrefixOf(own), StringComparison.Ordinal) && ownIds?.Contains(id) != true)
            yield return new Problem(where, kind.Columns[0].Name,
                $"the id of a {kind.RowNoun} you add begins with your nation's code: \"{NationIds.PrefixOf(own)}…\"");
    }

    /// <summary>The ids (first key column) of the rows <paramref name="writer"/> may write.</summary>
    public static HashSet<string> OwnIds(LedgerKind kind, IEnumerable<string[]> rows, User writer) =>
        rows.Where(cells => AccessPolicy.CanWrite(writer, kind.Id, kind.PartiesOf(cells))).Select(cells => cells[0])
            .ToHashSet(StringComparer.Ordinal);
}
