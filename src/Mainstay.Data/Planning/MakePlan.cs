using Mainstay.Access;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Planning;

/// <summary>
/// A coordinator makes a numbered plan of the ledger, the record <c>plan diff</c> compares: only the
/// item types whose requirements or offers changed since the last plan are solved again, and nothing
/// is stored when nothing changed. The command line, the Plan page and <c>POST /api/v1/plans</c> call this.
/// </summary>
public static class MakePlan
{
    /// <summary>The plan made (or the last one, still current), or why none was.</summary>
    public sealed record Outcome(Refusal Refusal, string Message, PlanRun? Run)
    {
        /// <summary>What happened, in a sentence: the plan stored and how much was solved, or that none was needed.</summary>
        public string Said => Run is not { } run ? Message
            : run.Unchanged ? $"No requirement or offer changed since plan {run.Plan.Id}; it is still current."
            : run.Previous is null
                ? $"Plan {run.Plan.Id} stored: the first plan of this ledger, {run.ItemsSolved.Count} item type(s) solved."
                : $"Plan {run.Plan.Id} stored: {run.ItemsSolved.Count} item type(s) changed since plan "
                    + $"{run.Previous.Id} and were solved again "
                    + $"({string.Join(", ", run.ItemsSolved.Take(8))}{(run.ItemsSolved.Count > 8 ? ", ..." : "")}); "
                    + "the others keep their allocations.";
    }

    /// <param name="user">Who asks (null: the public); plans pair every nation's rows, so only those who see
    /// everything know they exist, and of them only coordinators make one.</param>
    public static async Task<Outcome> HandleAsync(
        LedgerDatabase db, User? user, TimeProvider clock, CancellationToken cancel, TimeSpan? timeLimit = null)
    {
        if (user is null)
            return new Outcome(Refusal.SignInNeeded, "sign in (a personal API token) to make a plan", null);
        if (!AccessPolicy.SeesEverything(user))
            return new Outcome(Refusal.NotFound, "no stored plans you may see", null);
        if (user.Role != Role.Coordinator || user.Disabled)
            return new Outcome(
                Refusal.Forbidden, $"{user.Name} ({user.Describe()}) may not make a plan: coordinators do", null);
        return new Outcome(Refusal.None, "", await LedgerPlans.RunAsync(db, user.Name, clock, cancel, timeLimit));
    }
}
