using System.Globalization;
using Mainstay.Access;
using Mainstay.Data.Storage;
using Mainstay.Planning;

namespace Mainstay.Data.Planning;

/// <summary>
/// A user asks why a requirement is not (fully) covered, by the one plan they read: which offers
/// could have served it and why they did not, and which funds could have paid for it and why they did not. The plan is never solved again for it; changes to the
/// requirement's item type made after the plan are named, so the answer says what it does not know.
/// The command line (by the latest stored plan) and the Plan page (by the current plan) call this.
/// </summary>
public static class ExplainRequirement
{
    public sealed record Request(string RequirementId);

    /// <summary>A plan to explain by and how to name it, said first: "By plan 3, made …".</summary>
    public sealed record ExplainedPlan(CurrentPlan Plan, string By);

    /// <summary>The explanation, line by line, or why there is none.</summary>
    public sealed record Outcome(Refusal Refusal, string Message, IReadOnlyList<string> Lines);

    /// <param name="user">Who asks; an explanation pairs every nation's rows, so only those who see everything
    /// may ask.</param>
    public static async Task<Outcome> HandleAsync(
        LedgerDatabase db, ExplainedPlan explained, Request request, User? user, CancellationToken cancel)
    {
        if (user is null)
            return new Outcome(Refusal.SignInNeeded, "sign in to ask why a requirement is short", []);
        if (!AccessPolicy.SeesEverything(user))
            return new Outcome(Refusal.NotFound, "no plan you may see", []);
        var plan = explained.Plan;
        var id = request.RequirementId.Trim();
        if (plan.Requirements.FirstOrDefault(r => r.Id == id) is not { } requirement)
            return new Outcome(Refusal.NotFound, $"no requirement \"{id}\" in the plan", []);
        var lines = new List<string> { explained.By };
        var since = await LedgerPlans.ChangesSinceAsync(db, plan.AuditSeq, requirement.Item, cancel);
        if (since.Count > 0)
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"It predates {since.Count} change(s) to {requirement.Item}: {string.Join(", ", since.Take(5))}"
                + $"{(since.Count > 5 ? ", ..." : "")}; run `mainstay plan` to plan them."));
        lines.AddRange(PlanExplanation.Explain(requirement, plan.Offers, plan.Plan, plan.Funds, plan.Options));
        return new Outcome(Refusal.None, "", lines);
    }
}
