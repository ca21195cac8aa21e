using Mainstay.Access;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Planning;

/// <summary>
/// A user reads the allocations of a stored plan (by default the latest): every offer's units planned
/// for every requirement, those of one requirement or one offer. Plans pair every nation's rows, so
/// they exist only for those who see everything. The Plan page (its list and its download) and
/// <c>GET /api/v1/plans/{id}/allocations</c> call this.
/// </summary>
public static class ReadAllocations
{
    /// <param name="PlanId">Null: the latest plan.</param>
    /// <param name="RequirementId">Only this requirement's allocations; null or empty: any.</param>
    /// <param name="OfferId">Only this offer's allocations; null or empty: any.</param>
    public sealed record Request(long? PlanId, string? RequirementId, string? OfferId);

    /// <summary>The plan, all its allocations and those the request selects, in their order; or why not.</summary>
    public sealed record Outcome(
        Refusal Refusal, string Message, StoredPlan? Plan,
        IReadOnlyList<(string RequirementId, string OfferId, long Quantity)> All,
        IReadOnlyList<(string RequirementId, string OfferId, long Quantity)> Matching);

    /// <summary>A plan's allocations, as the caller gets them (from the ledger, or a cache: they never change).</summary>
    public delegate Task<IReadOnlyList<(string RequirementId, string OfferId, long Quantity)>> PlanAllocations(
        long planId, CancellationToken cancel);

    public static async Task<Outcome> HandleAsync(
        LedgerDatabase db, Request request, User? user, CancellationToken cancel, PlanAllocations? allocations = null)
    {
        if (user is null)
            return Refused(Refusal.SignInNeeded, "sign in to read plans: send Authorization: Bearer with a personal "
                + "API token");
        if (!AccessPolicy.SeesEverything(user))
            return Refused(Refusal.NotFound, "no stored plans you may see");
        var plans = await LedgerPlans.ListAsync(db, cancel);
        var plan = request.PlanId is { } id ? plans.FirstOrDefault(p => p.Id == id) : plans.LastOrDefault();
        if (plan is null)
            return Refused(Refusal.NotFound, request.PlanId is { } missing
                ? $"no plan {missing}"
                : "no plan of the ledger yet: make one first");
        allocations ??= (planId, token) => LedgerPlans.AllocationsAsync(db, planId, token);
        var all = await allocations(plan.Id, cancel);
        return new Outcome(Refusal.None, "", plan, all, LedgerPlans.Matching(all, request.RequirementId, request.OfferId));
    }

    private static Outcome Refused(Refusal refusal, string message) => new(refusal, message, null, [], []);
}
