using Mainstay.Ledger;
using Mainstay.Planning;

namespace Mainstay.Procurement;

/// <summary>
/// Offers of one item type that arrive in the same month and may go to the same recipients: the
/// model treats them as one supply, and the plan splits it among them in id order.
/// </summary>
internal sealed record OfferClass(string Item, int Arrival, CodeScope Scope, int[] Offers, long Supply);

/// <summary>
/// One procurement option as one recipient's lane may use it: the funds that may pay for it there,
/// and the months in which an order can be placed and still arrive within the lane's horizon.
/// </summary>
internal sealed record OptionLane(int Option, int[] Funds, int FirstOrder, int LastOrder);

/// <summary>
/// One item type for one recipient, month by month from the first possible arrival (<see cref="First"/>)
/// to the end of the last useful window (<see cref="Last"/>): units arrive from offers and orders, wait
/// for free, and are drawn by the recipient's requirements. Lanes only meet through offers (one offer
/// may reach several recipients), options' monthly capacity and funds' money.
/// </summary>
internal sealed class Lane(string item, string recipient, int[] requirements, long demand, int last)
{
    public string Item { get; } = item;
    public string Recipient { get; } = recipient;
    public int[] Requirements { get; } = requirements;

    /// <summary>Units its requirements need in all: no flow in the lane can exceed it.</summary>
    public long Demand { get; } = demand;

    public int First { get; set; } = int.MaxValue;
    public int Last { get; } = last;
    public List<OfferClass> Classes { get; } = [];
    public List<OptionLane> Options { get; } = [];

    /// <summary>The months in which some unit can arrive: the only months a late draw can be worth making.</summary>
    public SortedSet<int> Arrivals { get; } = [];
}

/// <summary>
/// The joint problem's input, indexed: which item types purchases can reach (they go to the integer
/// program), and the lanes of those item types. Item types no purchase can reach are left to the
/// network simplex: they do not interact with funds.
/// </summary>
internal sealed class JointInput
{
    public required Requirement[] Requirements { get; init; }
    public required Offer[] Offers { get; init; }
    public required Fund[] Funds { get; init; }
    public required ProcurementOption[] Options { get; init; }
    public required HashSet<string> BoughtItems { get; init; }
    public required Lane[] Lanes { get; init; }

    public static JointInput Index(
        IReadOnlyList<Requirement> requirements, IReadOnlyList<Offer> offers, IReadOnlyList<Fund> funds,
        IReadOnlyList<ProcurementOption> options)
    {
        var (allRequirements, allOffers) = (requirements.ToArray(), offers.ToArray());
        var allFunds = funds.OrderBy(f => f.Id, StringComparer.Ordinal).ToArray();
        var allOptions = options.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        var optionsByItem = Enumerable.Range(0, allOptions.Length)
            .ToLookup(p => allOptions[p].Item, StringComparer.Ordinal);
        var candidates = new List<Lane>();
        foreach (var group in Enumerable.Range(0, allRequirements.Length)
            .Where(r => optionsByItem.Contains(allRequirements[r].Item))
            .GroupBy(r => (allRequirements[r].Item, allRequirements[r].Recipient))
            .OrderBy(g => g.Key.Item, StringComparer.Ordinal).ThenBy(g => g.Key.Recipient, StringComparer.Ordinal))
        {
            var members = group.OrderBy(r => allRequirements[r].Id, StringComparer.Ordinal).ToArray();
            var last = members.Max(r => allRequirements[r].NeedBy.Index + allRequirements[r].UsefulMonths);
            var lane = new Lane(
                group.Key.Item, group.Key.Recipient, members, members.Sum(r => allRequirements[r].Quantity), last);
            foreach (var p in optionsByItem[group.Key.Item])
                if (OptionLaneOf(p, allOptions[p], allFunds, lane) is { } optionLane)
                {
                    lane.Options.Add(optionLane);
                    for (var t = optionLane.FirstOrder; t <= optionLane.LastOrder; t++)
                        lane.Arrivals.Add(t + allOptions[p].LeadMonths);
                }
            candidates.Add(lane);
        }
        // An item type goes to the integer program whole, every recipient's lane with it: its offers
        // may go to recipients no fund can buy for, and they compete for them.
        var boughtItems = candidates.Where(l => l.Options.Count > 0).Select(l => l.Item)
            .ToHashSet(StringComparer.Ordinal);
        var lanes = candidates.Where(l => boughtItems.Contains(l.Item)).ToList();
        AddOfferClasses(lanes, allOffers, boughtItems);
        lanes.RemoveAll(l => l.Arrivals.Count == 0);
        foreach (var lane in lanes)
            lane.First = lane.Arrivals.Min;
        return new JointInput
        {
            Requirements = allRequirements, Offers = allOffers, Funds = allFunds, Options = allOptions,
            BoughtItems = boughtItems, Lanes = [.. lanes],
        };
    }

    private static OptionLane? OptionLaneOf(int p, ProcurementOption option, Fund[] funds, Lane lane)
    {
        var last = Math.Min(option.LastOrder.Index, lane.Last - option.LeadMonths);
        var payers = Enumerable.Range(0, funds.Length).Where(f =>
                funds[f].Items.Allows(option.Item) && funds[f].Recipients.Allows(lane.Recipient)
                && funds[f].Available.Index <= last)
            .ToArray();
        if (payers.Length == 0)
            return null;
        var first = Math.Max(option.FirstOrder.Index, payers.Min(f => funds[f].Available.Index));
        return first <= last ? new OptionLane(p, payers, first, last) : null;
    }

    private static void AddOfferClasses(List<Lane> lanes, Offer[] offers, HashSet<string> boughtItems)
    {
        var lanesByItem = lanes.ToLookup(l => l.Item, StringComparer.Ordinal);
        var classes = Enumerable.Range(0, offers.Length)
            .Where(o => boughtItems.Contains(offers[o].Item))
            .GroupBy(o => (offers[o].Item, offers[o].Arrival.Index, offers[o].Recipients))
            .OrderBy(g => g.Key.Item, StringComparer.Ordinal).ThenBy(g => g.Key.Index)
            .ThenBy(g => g.Key.Recipients.ToString(), StringComparer.Ordinal);
        foreach (var group in classes)
        {
            var members = group.OrderBy(o => offers[o].Id, StringComparer.Ordinal).ToArray();
            var offerClass = new OfferClass(
                group.Key.Item, group.Key.Index, group.Key.Recipients, members, members.Sum(o => offers[o].Quantity));
            foreach (var lane in lanesByItem[group.Key.Item])
                if (offerClass.Scope.Allows(lane.Recipient) && offerClass.Arrival <= lane.Last)
                {
                    lane.Classes.Add(offerClass);
                    lane.Arrivals.Add(offerClass.Arrival);
                }
        }
    }

    /// <summary>The benefit per unit of drawing in month <paramref name="month"/> for a requirement.</summary>
    public static long BenefitAt(Requirement requirement, int month) => Benefit.PerUnit(
        requirement.Priority, requirement.UsefulMonths, Math.Max(0, month - requirement.NeedBy.Index));
}
