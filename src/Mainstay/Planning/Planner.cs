using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>
/// Computes the optimal plan of the planning contract. Item types never interact, so each is
/// solved on its own, in parallel; the result does not depend on the order they finish in.
/// </summary>
public static class Planner
{
    public static Plan Solve(IReadOnlyList<Requirement> requirements, IReadOnlyList<Offer> offers, int? maxParallelism = null)
    {
        var allRequirements = requirements.ToArray();
        var allOffers = offers.ToArray();
        var offersByItem = Enumerable.Range(0, allOffers.Length).GroupBy(o => allOffers[o].Item, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var items = Enumerable.Range(0, allRequirements.Length).GroupBy(r => allRequirements[r].Item, StringComparer.Ordinal)
            .Where(g => offersByItem.ContainsKey(g.Key))
            .Select(g => (Item: g.Key, Requirements: g.ToArray(), Offers: offersByItem[g.Key]))
            .OrderByDescending(g => g.Requirements.Length + g.Offers.Length) // largest first, for balance
            .ThenBy(g => g.Item, StringComparer.Ordinal)
            .ToArray();
        int[] requirementRank = [], offerRank = [];
        Parallel.Invoke(
            () => requirementRank = Plan.Ranks(allRequirements.Length, i => allRequirements[i].Id),
            () => offerRank = Plan.Ranks(allOffers.Length, i => allOffers[i].Id));
        var results = new List<ItemNetwork.Pair>[items.Length];
        Parallel.For(0, items.Length, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount },
            i => results[i] = ItemNetwork.Solve(allRequirements, items[i].Requirements, requirementRank, allOffers, items[i].Offers, offerRank));
        return Plan.From(allRequirements, requirementRank, allOffers, offerRank, results.SelectMany(r => r).ToArray());
    }
}
