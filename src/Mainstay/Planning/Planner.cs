using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>
/// Computes the optimal plan of the planning contract. Item types never interact, so each is
/// solved on its own, in parallel; the result does not depend on the order they finish in.
/// </summary>
public static class Planner
{
    public static Plan Solve(
        IReadOnlyList<Requirement> requirements, IReadOnlyList<Offer> offers, int? maxParallelism = null)
    {
        var input = PlanInput.Index(requirements, offers);
        var results = new List<ItemNetwork.Pair>[input.Items.Length];
        Parallel.For(
            0, input.Items.Length, Parallelism(maxParallelism),
            i => results[i] = input.Network(input.Items[i])?.Solve() ?? []);
        return input.PlanFrom(results);
    }

    internal static ParallelOptions Parallelism(int? maxParallelism) =>
        new() { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount };
}
