using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>
/// The planner's view of its input: rows as arrays (the solver works with indexes into them), each
/// row's place in ordinal id order, and the rows of each item type that has both requirements and
/// offers, largest first (so that parallel solving ends balanced).
/// </summary>
internal sealed class PlanInput
{
    private PlanInput(Requirement[] requirements, int[] requirementRank, Offer[] offers, int[] offerRank, ItemRows[] items) =>
        
        (
            Requirements, RequirementRank, Offers, OfferRank, Items) = (requirements, requirementRank, offers,
            offerRank, items);

    public Requirement[] Requirements { get; }
    public int[] RequirementRank { get; }
    public Offer[] Offers { get; }
    public int[] OfferRank { get; }
    public ItemRows[] Items { get; }

    public static PlanInput Index(IReadOnlyList<Requirement> requirements, IReadOnlyList<Offer> offers)
    {
        var allRequirements = requirements.ToArray();
        var allOffers = offers.ToArray();
        var offersByItem = Enumerable.Range(0, allOffers.Length).GroupBy(o => allOffers[o].Item, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var items = Enumerable.Range(
            0, allRequirements.Length).GroupBy(r => allRequirements[r].Item, StringComparer.Ordinal)
            .Where(g => offersByItem.ContainsKey(g.Key))
            .Select(g => new ItemRows(g.Key, g.ToArray(), offersByItem[g.Key]))
            .OrderByDescending(g => g.Requirements.Length + g.Offers.Length)
            .ThenBy(g => g.Item, StringComparer.Ordinal)
            .ToArray();
        int[] requirementRank = [], offerRank = [];
        Parallel.Invoke(
            () => requirementRank = Plan.Ranks(allRequirements.Length, i => allRequirements[i].Id),
            () => offerRank = Plan.Ranks(allOffers.Length, i => allOffers[i].Id));
        return new PlanInput(allRequirements, requirementRank, allOffers, offerRank, items);
    }

    /// <summary>The network of one item type's rows (null when no offer may reach its requirements).</summary>
    public ItemNetwork? Network(ItemRows item) =>
        ItemNetwork.Build(Requirements, item.Requirements, RequirementRank, Offers, item.Offers, OfferRank);

    public Plan PlanFrom(IEnumerable<IReadOnlyCollection<ItemNetwork.Pair>> pairsByItem) =>
        Plan.From(Requirements, RequirementRank, Offers, OfferRank, pairsByItem.SelectMany(p => p).ToArray());
}

/// <summary>The requirements and offers of one item type, as indexes into the <see cref="PlanInput"/> arrays.</summary>
internal sealed record ItemRows(string Item, int[] Requirements, int[] Offers);
