using System.Globalization;
using Mainstay.Access;
using Mainstay.Data.Ledger.Rows;
using Mainstay.Data.Planning;
using Mainstay.Web.Api.Responses;
using Mainstay.Web.Hosting;
using S = Microsoft.AspNetCore.Http.StatusCodes;

namespace Mainstay.Web.Api;

/// <summary>
/// <c>/api/v1/plans</c>: the stored plans of the ledger, their allocations and what changed against
/// the plan before, and a new plan on request: the workflows of <c>mainstay plan</c>, <c>plan list</c>,
/// <c>plan show</c> and <c>plan diff</c>. A plan pairs every nation's offers with every nation's
/// requirements, so only coordinators and auditors see plans; for anyone else they do not exist (404).
/// </summary>
public static class PlanEndpoints
{
    public static void MapPlanApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/v1/plans").WithTags("Plans");
        plans.MapGetAndHead("/", ListAsync).WithSummary("List the stored plans, oldest first")
            .Produces<PlanList>().ProducesProblems(S.Status401Unauthorized, S.Status404NotFound, Unavailable);
        plans.MapGetAndHead("/{id:long}", GetAsync).WithSummary("Read one stored plan")
            .Produces<Plan>().ProducesProblems(S.Status401Unauthorized, S.Status404NotFound, Unavailable);
        plans.MapGetAndHead("/{id:long}/allocations", AllocationsAsync)
            .WithSummary("A plan's allocations, by requirement then offer")
            .WithDescription($"Query: page, pageSize (1..{ListRows.MaxPageSize}), requirement_id, offer_id.")
            .Produces<AllocationPage>()
            .ProducesProblems(S.Status400BadRequest, S.Status401Unauthorized, S.Status404NotFound, Unavailable);
        plans.MapGetAndHead("/{id:long}/changes", ChangesAsync)
            .WithSummary("Requirements whose coverage differs from another plan (by default the one before), "
                + "and the ledger changes that explain it")
            .Produces<PlanChanges>().ProducesProblems(S.Status401Unauthorized, S.Status404NotFound, Unavailable);
        plans.MapPost("/", RunAsync)
            .WithSummary("Make a new plan of the ledger (coordinators)")
            .WithDescription("Re-solves only the item types whose requirements or offers changed since the last plan. "
                + "201 with the new plan, or 200 with the last one when nothing changed.")
            .Produces<PlanRunResult>().Produces<PlanRunResult>(S.Status201Created)
            .ProducesProblems(S.Status401Unauthorized, S.Status403Forbidden, S.Status404NotFound, Unavailable);
    }

    private const int Unavailable = S.Status503ServiceUnavailable;

    private static async Task<(IResult? Refusal, IReadOnlyList<StoredPlan> Plans)> PlansAsync(
        HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var user = Authentication.UserOf(http);
        if (user is null)
            return (ApiProblems.SignInNeeded(
                "sign in to read plans: send Authorization: Bearer with a personal API token"), []);
        if (!AccessPolicy.SeesEverything(user))
            return (ApiProblems.NotFound("no stored plans you may see"), []);
        var db = await ledger.ForRequestAsync(http);
        if (db is null)
            return (ApiProblems.Unavailable(), []);
        return (null, await ledger.CachedAsync(db, "plans", () => LedgerPlans.ListAsync(db, cancel), cancel));
    }

    private static async Task<IResult> ListAsync(HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var (refusal, plans) = await PlansAsync(http, ledger, cancel);
        return refusal ?? TypedResults.Ok(new PlanList([.. plans.Select(Json)]));
    }

    private static async Task<IResult> GetAsync(
        long id, HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var (refusal, plans) = await PlansAsync(http, ledger, cancel);
        if (refusal is not null)
            return refusal;
        return plans.FirstOrDefault(p => p.Id == id) is { } plan
            ? TypedResults.Ok(Json(plan))
            : ApiProblems.NotFound($"no plan {id}");
    }

    private static async Task<IResult> AllocationsAsync(
        long id, HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        if (await ledger.ForRequestAsync(http) is not { } db)
            return ApiProblems.Unavailable();
        var query = http.Request.Query;
        var request = new ReadAllocations.Request(id, query["requirement_id"], query["offer_id"]);
        var read = await ReadAllocations.HandleAsync(db, request, Authentication.UserOf(http), cancel,
            (plan, token) => ledger.CachedAsync(
                db, $"plan:{plan}:allocations", () => LedgerPlans.AllocationsAsync(db, plan, token), token));
        if (read.Plan is null)
            return ApiProblems.Refused(read.Refusal, read.Message);
        var problems = new List<Mainstay.Problems.Problem>();
        foreach (var name in query.Keys.Where(k => k is not ("page" or "pageSize" or "requirement_id" or "offer_id")))
            problems.Add(new("query", name, "unknown; use page, pageSize, requirement_id, offer_id"));
        var page = QueryNumbers.Optional(query, "page", 1, int.MaxValue / ListRows.MaxPageSize, problems) ?? 1;
        var pageSize = QueryNumbers.Optional(query, "pageSize", 1, ListRows.MaxPageSize, problems) ?? 100;
        if (problems.Count > 0)
            return ApiProblems.BadRequest("the query is not valid", problems);
        var items = read.Matching.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new PlanAllocation(a.RequirementId, a.OfferId, a.Quantity)).ToArray();
        return TypedResults.Ok(new AllocationPage(id, page, pageSize, read.Matching.Count, items));
    }

    private static async Task<IResult> ChangesAsync(
        long id, long? against, HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var (refusal, plans) = await PlansAsync(http, ledger, cancel);
        if (refusal is not null)
            return refusal;
        var after = plans.FirstOrDefault(p => p.Id == id);
        var before = against is { } other ? plans.FirstOrDefault(p => p.Id == other)
            : plans.LastOrDefault(p => p.Id < id);
        if (after is null || before is null)
            return ApiProblems.NotFound(
                after is null ? $"no plan {id}"
                    : against is null ? $"plan {id} is the first: nothing to compare it with" : $"no plan {against}");
        var db = (await ledger.ForRequestAsync(http))!;
        var changes = await LedgerPlans.DiffAsync(db, before, after, cancel);
        var items = changes
            .Select(c => new PlanChange(c.RequirementId, c.Item, c.Before, c.After, c.Because)).ToArray();
        return TypedResults.Ok(new PlanChanges(before.Id, after.Id, items));
    }

    private static async Task<IResult> RunAsync(HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        await using var db = await ledger.OpenAsync(cancel);
        if (db is null)
            return ApiProblems.Unavailable();
        var made = await MakePlan.HandleAsync(db, Authentication.UserOf(http), ledger.Clock, cancel);
        if (made.Run is not { } run)
            return ApiProblems.Refused(made.Refusal, made.Message);
        var body = new PlanRunResult(Json(run.Plan), run.Unchanged, run.ItemsSolved);
        return run.Unchanged ? TypedResults.Ok(body) : TypedResults.Created($"/api/v1/plans/{run.Plan.Id}", body);
    }

    private static Plan Json(StoredPlan plan) => new(
        plan.Id, plan.CreatedAt, plan.Actor, plan.AuditSeq, plan.InputHash,
        plan.Objective.ToString(CultureInfo.InvariantCulture), // exact: it can exceed what JSON numbers hold
        plan.AllocatedUnits, plan.Requirements, plan.Offers, plan.ItemsSolved);
}
