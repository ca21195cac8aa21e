namespace Mainstay.Data.Files;

/// <summary>
/// Shares equal cells of one column across the rows of a file: a million rows name a few hundred
/// items, donors, months and quantities, so each distinct text is one string instead of one per
/// row (less to allocate, less for the garbage collector to copy). A column whose values keep
/// differing, such as an id, stops being pooled once it has shown <see cref="MaxDistinct"/> values.
/// </summary>
internal sealed class ColumnPool
{
    internal const int MaxDistinct = 4096;
    private const int MaxLength = 64;
    private readonly List<Dictionary<string, string>?> _columns = [];

    public string Text(int column, ReadOnlySpan<char> cell)
    {
        if (cell.Length == 0)
            return "";
        while (_columns.Count <= column)
            _columns.Add(new Dictionary<string, string>(StringComparer.Ordinal));
        var pool = _columns[column];
        if (pool is null || cell.Length > MaxLength)
            return cell.ToString();
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(cell, out var known))
            return known;
        var text = cell.ToString();
        if (pool.Count < MaxDistinct)
            pool[text] = text;
        else
            _columns[column] = null;
        return text;
    }
}
