using System.Globalization;
using Mainstay.Access;
using Mainstay.Problems;

namespace Mainstay.Data.Ledger.Rows;

/// <summary>
/// A user lists a table's rows they may see: filtered by any columns' exact values, sorted by one
/// column (numerically for numbers), a page at a time. The API, the ledger page and its downloads
/// list through this.
/// </summary>
public static class ListRows
{
    public const int MaxPageSize = 500;

    /// <param name="Filters">Column name to the exact value its rows must hold.</param>
    /// <param name="Sort">A column name, with a leading <c>-</c> for descending; null: by key.</param>
    /// <param name="Page">From 1.</param>
    public sealed record Request(
        LedgerKind Kind, IReadOnlyDictionary<string, string> Filters, string? Sort, int Page, int PageSize);

    /// <param name="Matching">Every row the filters select, in order; <paramref name="Rows"/> is the page asked for.</param>
    public sealed record Outcome(
        Refusal Refusal, string Message, IReadOnlyList<Problem> Problems, IReadOnlyList<string[]> Matching,
        IReadOnlyList<string[]> Rows)
    {
        public bool Ok => Refusal == Refusal.None;

        public int Total => Matching.Count;
    }

    public static async Task<Outcome> HandleAsync(
        StoredTable tables, Request request, User? user, CancellationToken cancel)
    {
        var kind = request.Kind;
        var (refusal, message) = TableAccess.Check(user, kind);
        if (refusal != Refusal.None)
            return Refused(refusal, message, []);
        var problems = Checks(request).ToArray();
        if (problems.Length > 0)
            return Refused(Refusal.BadQuery, "the query is not valid", problems);
        var filters = request.Filters.Select(f => (Column: kind.ColumnIndex(f.Key), f.Value)).ToArray();
        IEnumerable<string[]> rows = (await SeenRows.OfAsync(tables, kind, user, cancel)).Values;
        if (filters.Length > 0)
            rows = rows.Where(cells => filters.All(f => cells[f.Column] == f.Value));
        if (request.Sort is { Length: > 0 } sort)
            rows = Order(rows, kind.ColumnIndex(sort.TrimStart('-')), sort.StartsWith('-'), kind);
        var matching = rows.ToArray();
        var skipped = (long)(request.Page - 1) * request.PageSize;
        var page = skipped >= matching.Length ? [] : matching.Skip((int)skipped).Take(request.PageSize).ToArray();
        return new Outcome(Refusal.None, "", [], matching, page);
    }

    /// <summary>What is wrong with the request itself: a column the table lacks, a page out of range.</summary>
    public static IEnumerable<Problem> Checks(Request request)
    {
        var kind = request.Kind;
        var columns = string.Join(", ", kind.Columns.Select(c => c.Name));
        if (request.Sort is { Length: > 0 } sort && kind.ColumnIndex(sort.TrimStart('-')) < 0)
            yield return new Problem("query", "sort",
                $"no column \"{sort.TrimStart('-')}\" to sort by; {kind.Name} has {columns}");
        foreach (var name in request.Filters.Keys.Where(name => kind.ColumnIndex(name) < 0))
            yield return new Problem("query", name,
                $"unknown filter; filter by a column of {kind.Name} ({columns}), or use page, pageSize, sort");
        if (request.Page < 1)
            yield return new Problem("query", "page", $"expected an integer 1..{int.MaxValue}, got \"{request.Page}\"");
        if (request.PageSize is < 1 or > MaxPageSize)
            yield return new Problem("query", "pageSize",
                $"expected an integer 1..{MaxPageSize}, got \"{request.PageSize}\"");
    }

    private static Outcome Refused(Refusal refusal, string message, IReadOnlyList<Problem> problems) =>
        new(refusal, message, problems, [], []);

    /// <summary>Rows by one column: numerically for number columns, ordinally for texts.</summary>
    private static IEnumerable<string[]> Order(IEnumerable<string[]> rows, int column, bool descending, LedgerKind kind)
    {
        if (kind.Columns[column].Type == ColumnType.Text)
            return descending
                ? rows.OrderByDescending(c => c[column], StringComparer.Ordinal)
                : rows.OrderBy(c => c[column], StringComparer.Ordinal);
        Func<string[], decimal> number = c =>
            decimal.TryParse(c[column], NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return descending ? rows.OrderByDescending(number) : rows.OrderBy(number);
    }
}
