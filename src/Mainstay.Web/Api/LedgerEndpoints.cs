using System.Globalization;
using Mainstay.Access;
using Mainstay.Data.Import;
using Mainstay.Data.Ledger;
using Mainstay.Web.Api.Responses;
using Mainstay.Web.Hosting;
using Row = System.Collections.Generic.IReadOnlyDictionary<string, object?>;
using S = Microsoft.AspNetCore.Http.StatusCodes;

namespace Mainstay.Web.Api;

/// <summary>
/// <c>/api/v1/{table}</c> for every ledger table: list (paged, filtered by any column, sorted),
/// read one row (with its ETag), add, change and remove (with <c>If-Match</c>, so two desks editing
/// one record cannot overwrite each other). Every rule of <see cref="AccessPolicy"/> is applied here;
/// rows a caller may not see answer 404, as if they did not exist.
/// </summary>
public static class LedgerEndpoints
{
    public const int MaxPageSize = 500;

    public static void MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Ledger");
        api.MapGetAndHead("/{table:ledgerTable}", ListAsync)
            .WithSummary("List a table's rows you may see")
            .WithDescription($"Query: page (from 1), pageSize (1..{MaxPageSize}, default 100), sort (a column, - for "
                + "descending), and any column=value to filter. "
                + $"Tables: {string.Join(", ", LedgerKinds.All.Select(k => k.Name))}.")
            .Produces<LedgerPage>()
            .ProducesProblems(S.Status400BadRequest, S.Status401Unauthorized, S.Status404NotFound, Unavailable);
        api.MapGetAndHead("/{table:ledgerTable}/{key}/{**rest}", GetAsync)
            .WithSummary("Read one row, with its ETag")
            .WithDescription("The key is the row's id; for pledges id/year, for GDP nation/year, "
                + "for rates currency/date or currency/year.")
            .Produces<Row>()
            .ProducesProblems(S.Status401Unauthorized, S.Status404NotFound, Unavailable);
        api.MapPost("/{table:ledgerTable}", CreateAsync)
            .WithSummary("Add a row")
            .WithDescription("The body is a JSON object with the table's columns (docs/formats.md). "
                + "Checked as an import of the whole table would be.")
            .Accepts<Row>("application/json")
            .Produces<Row>(S.Status201Created)
            .ProducesProblems(S.Status400BadRequest, S.Status401Unauthorized, S.Status403Forbidden, S.Status404NotFound,
                S.Status409Conflict, S.Status413PayloadTooLarge, S.Status415UnsupportedMediaType,
                S.Status422UnprocessableEntity, Unavailable);
        api.MapPut("/{table:ledgerTable}/{key}/{**rest}", UpdateAsync)
            .WithSummary("Change a row")
            .WithDescription("Send If-Match with the ETag you read; a stale one gets 412 and changes nothing.")
            .Accepts<Row>("application/json")
            .Produces<Row>()
            .ProducesProblems(S.Status400BadRequest, S.Status401Unauthorized, S.Status403Forbidden, S.Status404NotFound,
                S.Status412PreconditionFailed, S.Status413PayloadTooLarge, S.Status415UnsupportedMediaType,
                S.Status422UnprocessableEntity, S.Status428PreconditionRequired, Unavailable);
        api.MapDelete("/{table:ledgerTable}/{key}/{**rest}", DeleteAsync)
            .WithSummary("Remove a row").WithDescription("Send If-Match with the ETag you read.")
            .Produces(S.Status204NoContent)
            .ProducesProblems(S.Status401Unauthorized, S.Status403Forbidden, S.Status404NotFound,
                S.Status412PreconditionFailed, S.Status428PreconditionRequired, Unavailable);
    }

    private const int Unavailable = S.Status503ServiceUnavailable;

    private static async Task<IResult> ListAsync(string table, HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var user = ApiAuthentication.UserOf(http);
        if (Refusal(user, table, out var kind) is { } refused)
            return refused;
        var query = ListQuery.Parse(kind, http.Request.Query);
        if (query.Refusal is not null)
            return query.Refusal;
        var db = await ledger.ForRequestAsync(http);
        if (db is null)
            return ApiProblems.Unavailable();
        var rows = (await ledger.SeenRowsAsync(db, kind, user, cancel)).Values.Where(query.Matches).ToArray();
        var page = query.Sort(rows).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(c => RowBody.ToJson(kind, c)).ToArray();
        return TypedResults.Ok(new LedgerPage(kind.Name, query.Page, query.PageSize, rows.Length, page));
    }

    private static async Task<IResult> GetAsync(string table, string key, string? rest, HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        key = ApiRoutes.Key(key, rest);
        var user = ApiAuthentication.UserOf(http);
        if (Refusal(user, table, out var kind) is { } refused)
            return refused;
        var db = await ledger.ForRequestAsync(http);
        if (db is null)
            return ApiProblems.Unavailable();
        var cells = await ledger.SeenRowAsync(db, kind, key, user, cancel);
        if (cells is null)
            return ApiProblems.NotFound($"no {kind.RowNoun} \"{key}\"");
        http.Response.Headers.ETag = LedgerEdits.ETagOf(cells);
        return TypedResults.Ok(RowBody.ToJson(kind, cells));
    }

    private static async Task<IResult> CreateAsync(string table, HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var user = ApiAuthentication.UserOf(http);
        if (Refusal(user, table, out var kind) is { } refused)
            return refused;
        var (cells, refusal) = await RowBody.ReadAsync(kind, http.Request, cancel);
        if (refusal is not null)
            return refusal;
        return Answer(http, kind, await GuardedEdits.ApplyAsync(ledger, http, kind, kind.KeyOf(cells!), cells, create: true, ifMatch: null, user, cancel));
    }

    private static Task<IResult> UpdateAsync(string table, string key, string? rest, HttpContext http, LedgerConnections ledger, CancellationToken cancel) =>
        ChangeAsync(table, ApiRoutes.Key(key, rest), http, ledger, remove: false, cancel);

    private static Task<IResult> DeleteAsync(string table, string key, string? rest, HttpContext http, LedgerConnections ledger, CancellationToken cancel) =>
        ChangeAsync(table, ApiRoutes.Key(key, rest), http, ledger, remove: true, cancel);

    private static async Task<IResult> ChangeAsync(string table, string key, HttpContext http, LedgerConnections ledger, bool remove, CancellationToken cancel)
    {
        var user = ApiAuthentication.UserOf(http);
        if (Refusal(user, table, out var kind) is { } refused)
            return refused;
        string[]? cells = null;
        if (!remove)
        {
            var (body, refusal) = await RowBody.ReadAsync(kind, http.Request, cancel);
            if (refusal is not null)
                return refusal;
            cells = body;
        }
        return Answer(http, kind, await GuardedEdits.ApplyAsync(ledger, http, kind, key, cells, create: false, http.Request.Headers.IfMatch.ToString(), user, cancel));
    }

    /// <summary>A saved row with its ETag (201 with its address when added), or the refusal as a problem.</summary>
    private static IResult Answer(HttpContext http, LedgerKind kind, GuardedEdit edit)
    {
        if (!edit.Ok)
            return ApiProblems.Of(edit.Status, edit.Title, edit.Detail, edit.Status == StatusCodes.Status422UnprocessableEntity ? edit.Problems : null);
        if (edit.Saved is not { } saved)
            return TypedResults.NoContent();
        http.Response.Headers.ETag = edit.ETag;
        return edit.Status == StatusCodes.Status201Created
            ? TypedResults.Created(RowAddress(kind, saved), RowBody.ToJson(kind, saved))
            : TypedResults.Ok(RowBody.ToJson(kind, saved));
    }

    private static string RowAddress(LedgerKind kind, string[] saved)
    {
        var key = Uri.EscapeDataString(kind.KeyOf(saved)).Replace("%2F", "/", StringComparison.Ordinal);
        return $"/api/v1/{kind.Name}/{key}";
    }

    /// <summary>
    /// Null when the table exists and the caller may see some of it. Else 401 for the public when
    /// signing in would show it (what the public may see is public knowledge), or 404: for a
    /// signed-in caller it does not exist.
    /// </summary>
    private static IResult? Refusal(Mainstay.Access.User? user, string table, out LedgerKind kind)
    {
        kind = LedgerKinds.Find(table)!;
        if (kind is not null && AccessPolicy.CanSeeTable(user, kind.Id))
            return null;
        return kind is not null && user is null
            ? ApiProblems.SignInNeeded($"sign in to use {kind.Name}: send Authorization: Bearer with a personal API token")
            : ApiProblems.NotFound($"no table \"{table}\"");
    }
}

/// <summary>The paging, filtering and sorting of a list request, checked.</summary>
internal sealed class ListQuery
{
    public int Page { get; private init; } = 1;
    public int PageSize { get; private init; } = 100;
    public IResult? Refusal { get; private init; }
    private (int Column, string Value)[] _filters = [];
    private (int Column, bool Descending, bool Numeric)? _sort;

    public static ListQuery Parse(LedgerKind kind, IQueryCollection query)
    {
        var problems = new List<Mainstay.Problems.Problem>();
        var page = Number(query, "page", int.MaxValue / MaxPage, 1, problems);
        var pageSize = Number(query, "pageSize", LedgerEndpoints.MaxPageSize, 100, problems);
        var columns = kind.Columns.Select((c, i) => (c.Name, i, c.Type)).ToArray();
        var filters = new List<(int, string)>();
        (int, bool, bool)? sort = null;
        foreach (var (name, values) in query)
        {
            if (name is "page" or "pageSize")
                continue;
            if (name == "sort")
            {
                var wanted = values.ToString();
                var column = columns.FirstOrDefault(c => c.Name == wanted.TrimStart('-'));
                if (column.Name is null)
                    problems.Add(new("query", "sort", $"no column \"{wanted.TrimStart('-')}\" to sort by; {kind.Name} has {string.Join(", ", columns.Select(c => c.Name))}"));
                else
                    sort = (column.i, wanted.StartsWith('-'), column.Type != ColumnType.Text);
                continue;
            }
            var filter = columns.FirstOrDefault(c => c.Name == name);
            if (filter.Name is null)
                problems.Add(new("query", name, $"unknown filter; filter by a column of {kind.Name} ({string.Join(", ", columns.Select(c => c.Name))}), or use page, pageSize, sort"));
            else
                filters.Add((filter.i, values.ToString()));
        }
        return new ListQuery
        {
            Page = page,
            PageSize = pageSize,
            _filters = [.. filters],
            _sort = sort,
            Refusal = problems.Count > 0 ? ApiProblems.BadRequest("the query is not valid", problems) : null,
        };
    }

    private const int MaxPage = LedgerEndpoints.MaxPageSize;

    /// <summary>A positive integer query value up to <paramref name="max"/>, or the fallback when absent; a problem when malformed.</summary>
    public static int Number(IQueryCollection query, string name, int max, int fallback, List<Mainstay.Problems.Problem> problems) =>
        Optional(query, name, 1, max, problems) ?? fallback;

    /// <summary>An integer query value in <paramref name="min"/>..<paramref name="max"/>, or null when absent; a problem when malformed.</summary>
    public static int? Optional(IQueryCollection query, string name, int min, int max, List<Mainstay.Problems.Problem> problems)
    {
        if (!query.TryGetValue(name, out var text) || text.ToString().Length == 0)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        problems.Add(new("query", name, $"expected an integer {min}..{max}, got \"{text}\""));
        return null;
    }

    public bool Matches(IReadOnlyList<string> cells) => _filters.All(f => cells[f.Column] == f.Value);

    public IEnumerable<string[]> Sort(IEnumerable<string[]> rows) =>
        _sort is { } sort ? Order(rows, sort.Column, sort.Descending, sort.Numeric) : rows;

    /// <summary>Rows by one column: numerically for number columns, ordinally for texts.</summary>
    public static IEnumerable<string[]> Order(IEnumerable<string[]> rows, int column, bool descending, bool numeric)
    {
        Func<string[], decimal> number = c => decimal.TryParse(c[column], NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return (numeric, descending) switch
        {
            (true, false) => rows.OrderBy(number),
            (true, true) => rows.OrderByDescending(number),
            (false, false) => rows.OrderBy(c => c[column], StringComparer.Ordinal),
            _ => rows.OrderByDescending(c => c[column], StringComparer.Ordinal),
        };
    }
}
