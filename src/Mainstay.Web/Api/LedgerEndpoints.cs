using Mainstay.Data;
using Mainstay.Access;
using Mainstay.Data.Ledger.Rows;
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
        public static void MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Ledger");
        api.MapGetAndHead("/{table:ledgerTable}", ListAsync)
            .WithSummary("List a table's rows you may see")
            .WithDescription(
                $"Query: page (from 1), pageSize (1..{ListRows.MaxPageSize}, default 100), sort (a column, - for "
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

    private static async Task<IResult> ListAsync(
        string table, HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        if (Unknown(table, out var kind) is { } unknown)
            return unknown;
        var problems = new List<Mainstay.Problems.Problem>();
        var query = http.Request.Query;
        var request = new ListRows.Request(
            kind,
            query.Where(q => q.Key is not ("page" or "pageSize" or "sort"))
                .ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            query.TryGetValue("sort", out var sort) ? sort.ToString() : null,
            QueryNumbers.Optional(query, "page", 1, int.MaxValue / ListRows.MaxPageSize, problems) ?? 1,
            QueryNumbers.Optional(query, "pageSize", 1, ListRows.MaxPageSize, problems) ?? 100);
        if (TableAccess.Check(Authentication.UserOf(http), kind) is { Refusal: not Refusal.None } refused)
            return ApiProblems.Refused(refused.Refusal, refused.Message);
        problems.AddRange(ListRows.Checks(request));
        if (problems.Count > 0)
            return ApiProblems.BadRequest("the query is not valid", problems);
        if (await ledger.ForRequestAsync(http) is not { } db)
            return ApiProblems.Unavailable();
        var listed = await ListRows.HandleAsync(ledger.Tables(db), request, Authentication.UserOf(http), cancel);
        if (!listed.Ok)
            return ApiProblems.Refused(listed.Refusal, listed.Message, listed.Problems);
        var rows = listed.Rows.Select(c => RowBody.ToJson(kind, c)).ToArray();
        return TypedResults.Ok(new LedgerPage(kind.Name, request.Page, request.PageSize, listed.Total, rows));
    }

    private static async Task<IResult> GetAsync(
        string table, string key, string? rest, HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        if (Unknown(table, out var kind) is { } unknown)
            return unknown;
        if (await ledger.ForRequestAsync(http) is not { } db)
            return ApiProblems.Unavailable();
        var request = new ReadRow.Request(kind, ApiRoutes.Key(key, rest));
        var read = await ReadRow.HandleAsync(ledger.Tables(db), request, Authentication.UserOf(http), cancel);
        if (read.Cells is null)
            return ApiProblems.Refused(read.Refusal, read.Message);
        http.Response.Headers.ETag = read.ETag;
        return TypedResults.Ok(RowBody.ToJson(kind, read.Cells));
    }

    private static async Task<IResult> CreateAsync(
        string table, HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        if (UsableTable(table, http, out var kind) is { } refused)
            return refused;
        var (cells, refusal) = await RowBody.ReadAsync(kind, http.Request, cancel);
        if (refusal is not null)
            return refusal;
        return await EditAsync(http, ledger, kind, (db, user) =>
            AddRow.HandleAsync(db, new AddRow.Request(kind, cells!), user, ledger.Clock, cancel));
    }

    private static async Task<IResult> UpdateAsync(
        string table, string key, string? rest, HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        if (UsableTable(table, http, out var kind) is { } refused)
            return refused;
        var (cells, refusal) = await RowBody.ReadAsync(kind, http.Request, cancel);
        if (refusal is not null)
            return refusal;
        var request = new ChangeRow.Request(kind, ApiRoutes.Key(key, rest), cells!, http.Request.Headers.IfMatch);
        return await EditAsync(http, ledger, kind, (db, user) =>
            ChangeRow.HandleAsync(db, request, user, ledger.Clock, cancel));
    }

    private static async Task<IResult> DeleteAsync(
        string table, string key, string? rest, HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        if (UsableTable(table, http, out var kind) is { } refused)
            return refused;
        var request = new RemoveRow.Request(kind, ApiRoutes.Key(key, rest), http.Request.Headers.IfMatch);
        return await EditAsync(http, ledger, kind, (db, user) =>
            RemoveRow.HandleAsync(db, request, user, ledger.Clock, cancel));
    }

    /// <summary>
    /// Runs an edit on a ledger opened for writing: the saved row with its ETag (201 with its address
    /// when added, 204 when removed), or the refusal as a problem.
    /// </summary>
    private static async Task<IResult> EditAsync(
        HttpContext http, LedgerConnections ledger, LedgerKind kind,
        Func<Mainstay.Data.Storage.LedgerDatabase, Mainstay.Access.User?, Task<RowEditOutcome>> edit)
    {
        await using var db = await ledger.OpenAsync(http.RequestAborted);
        if (db is null)
            return ApiProblems.Unavailable();
        var outcome = await edit(db, Authentication.UserOf(http));
        if (!outcome.Ok)
            return ApiProblems.Refused(outcome.Refusal, outcome.Message, outcome.Problems);
        if (outcome.Saved is not { } saved)
            return TypedResults.NoContent();
        http.Response.Headers.ETag = outcome.ETag;
        return http.Request.Method == HttpMethods.Post
            ? TypedResults.Created(RowAddress(kind, saved), RowBody.ToJson(kind, saved))
            : TypedResults.Ok(RowBody.ToJson(kind, saved));
    }

    private static string RowAddress(LedgerKind kind, string[] saved)
    {
        var key = Uri.EscapeDataString(kind.KeyOf(saved)).Replace("%2F", "/", StringComparison.Ordinal);
        return $"/api/v1/{kind.Name}/{key}";
    }

    /// <summary>404 for a name that is no table's (the route matches any name).</summary>
    private static IResult? Unknown(string table, out LedgerKind kind)
    {
        kind = LedgerKinds.Find(table)!;
        return kind is null ? ApiProblems.NotFound($"no table \"{table}\"") : null;
    }

    /// <summary>Before a body is read: 404 for no such table, else whether the caller may use it at all.</summary>
    private static IResult? UsableTable(string table, HttpContext http, out LedgerKind kind) =>
        Unknown(table, out kind)
        ?? (TableAccess.Check(Authentication.UserOf(http), kind) is { Refusal: not Refusal.None } refused
            ? ApiProblems.Refused(refused.Refusal, refused.Message)
            : null);
}
