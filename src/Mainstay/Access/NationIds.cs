namespace Mainstay.Access;

/// <summary>
/// Ids that begin with a two-letter nation code and a hyphen (<c>DE-O0001</c>) belong to that
/// nation's rows, and a desk or officer names every row it adds so. Two nations' rows can then
/// never share an id, and what a write answers (added, or "there is already one") depends only on
/// rows the writer may see, never on whether another nation has a row it may not see.
/// </summary>
public static class NationIds
{
    /// <summary>
    /// The nation of <paramref name="nations"/> an id is reserved for (<c>DE</c> for <c>DE-O0001</c>), or null when it
    /// names none.
    /// </summary>
    public static string? NationOf(string id, IReadOnlySet<string> nations) =>
        id.Length >= 3 && id[2] == '-' && nations.Contains(id[..2]) ? id[..2] : null;

    /// <summary>What the ids of <paramref name="nation"/>'s new rows begin with.</summary>
    public static string PrefixOf(string nation) => nation + "-";
}
