using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>
/// The planning problem of one item type as a sparse min-cost flow network, solved exactly.
/// <para>
/// Offers with the same arrival month and the same allowed recipients form one supply node;
/// requirements with the same recipient, need-by month, useful window and priority form one demand
/// node. Each recipient has a chain of month nodes (the months where its offers arrive or its needs
/// fall) linked by free carry arcs, so an early arrival waits at no cost. A demand node draws from
/// the month node of its need-by month at full benefit, and from each later arrival month inside
/// its window at the benefit of that lateness. No offer × requirement pair is enumerated.
/// </para>
/// <para>
/// A late draw at month t never takes a unit that arrived before t in an optimal flow (taking it at
/// its own arrival month would earn strictly more), so the flow decomposes into offer →
/// requirement pairs whose true benefits add up to the network's optimum; <see cref="Pairs"/>
/// checks that they do.
/// </para>
/// </summary>
internal sealed class ItemNetwork
{
    private readonly Offer[] _allOffers;
    private readonly Requirement[] _allRequirements;
    private readonly int[][] _supplyMembers;
    private readonly int[] _supplyNode;
    private readonly int[][] _demandMembers;
    private readonly int[] _demandSinkArc;
    private readonly int _sink;
    private readonly List<(int Recipient, int Month)>[] _chains;
    private readonly Dictionary<(int, int), int> _monthNode;
    private readonly Dictionary<int, List<(int Group, int Arc)>> _inflows;
    private readonly Dictionary<int, List<(int Group, int Arc, bool Late)>> _draws;
    private readonly NetworkBuilder _network;
    private readonly NetworkSimplex _solver;
    private Dictionary<int, int>? _supplyGroupOf;
    private Dictionary<int, int>? _demandGroupOf;

    private ItemNetwork(
        Offer[] allOffers, Requirement[] allRequirements, int[][] supplyMembers, int[] supplyNode,
        int[][] demandMembers, int[] demandSinkArc, int sink,
        List<(int Recipient, int Month)>[] chains, Dictionary<(int, int), int> monthNode,
        Dictionary<int, List<(int Group, int Arc)>> inflows,
        Dictionary<int, List<(int Group, int Arc, bool Late)>> draws, NetworkBuilder network)
    {
        (_allOffers, _allRequirements, _supplyMembers, _supplyNode, _demandMembers, _demandSinkArc, _sink) =
            (allOffers, allRequirements, supplyMembers, supplyNode, demandMembers, demandSinkArc, sink);
        (_chains, _monthNode, _inflows, _draws, _network) = (chains, monthNode, inflows, draws, network);
        _solver = network.Build();
    }

    /// <summary>
    /// Units of offer <see cref="Offer"/> for requirement <see cref="Requirement"/>, both as indexes into the planner's
    /// arrays.
    /// </summary>
    internal readonly record struct Pair(int Offer, int Requirement, long Quantity);

    /// <summary>
    /// The network of one item type, or null when no offer may reach any of its requirements.
    /// The arrays are shared, not copied: <see cref="ChangeQuantities"/> reads the changed rows from them.
    /// </summary>
    /// <param name="requirementRank">Each requirement's place in ordinal id order (members of a group are taken in that
    /// order).</param>
    /// <param name="offerRank">Each offer's place in ordinal id order.</param>
    public static ItemNetwork? Build(
        Requirement[] allRequirements, int[] requirementIndexes, int[] requirementRank, Offer[] allOffers,
        int[] offerIndexes, int[] offerRank)
    {
        var recipients = requirementIndexes.Select(r => allRequirements[r].Recipient).Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        var recipientIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < recipients.Length; i++)
            recipientIndex[recipients[i]] = i;
        var latestUseful = new int[recipients.Length];
        Array.Fill(latestUseful, int.MinValue);
        foreach (var r in requirementIndexes)
        {
            var i = recipientIndex[allRequirements[r].Recipient];
            latestUseful[i] = Math.Max(
                latestUseful[i], allRequirements[r].NeedBy.Index + allRequirements[r].UsefulMonths);
        }

        // Demand groups: identical requirements, members in id order.
        var demand = requirementIndexes
            .Select(
                r => (
                    Key: (
                        Recipient: recipientIndex[allRequirements[r].Recipient], Need: allRequirements[r].NeedBy.Index,
                        allRequirements[r].UsefulMonths, allRequirements[r].Priority),
                    Index: r))
            .GroupBy(p => p.Key)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Members: g.Select(p => p.Index).OrderBy(r => requirementRank[r]).ToArray()))
            .ToArray();

        // Supply groups: offers that may reach the same recipients (those whose windows they can
        // meet) in the same month. The recipients an offer may reach are a key of sorted indexes.
        var scopes = new Dictionary<(CodeScope Scope, int Arrival), int[]>();
        var supply = offerIndexes
            .Select(o =>
            {
                var offer = allOffers[o];
                if (!scopes.TryGetValue((offer.Recipients, offer.Arrival.Index), out var allowed))
                    scopes[(offer.Recipients, offer.Arrival.Index)] = allowed = Enumerable.Range(0, recipients.Length)
                        .Where(i => offer.Recipients.Allows(recipients[i]) && offer.Arrival.Index <= latestUseful[i])
                            .ToArray();
                return (Offer: o, Allowed: allowed);
            })
            .Where(p => p.Allowed.Length > 0)
            .GroupBy(p => (Arrival: allOffers[p.Offer].Arrival.Index, Allowed: p.Allowed), AllowedComparer.Instance)
            .Select(
                g => (
                    g.Key.Arrival, g.Key.Allowed, Members: g.Select(p => p.Offer).OrderBy(o => offerRank[o]).ToArray()))
            .OrderBy(g => g.Arrival).ThenBy(g => g.Allowed, AllowedComparer.Instance)
            .ToArray();
        if (demand.Length == 0 || supply.Length == 0)
            return null;
        // Month nodes per recipient: arrival months of its supply and need-by months of its demand.
        var arrivalMonths = new SortedSet<int>[recipients.Length];
        var chainMonths = new SortedSet<int>[recipients.Length];
        for (var i = 0; i < recipients.Length; i++)
        {
            arrivalMonths[i] = [];
            chainMonths[i] = [];
        }
        foreach (var s in supply)
            foreach (var i in s.Allowed)
            {
                arrivalMonths[i].Add(s.Arrival);
                chainMonths[i].Add(s.Arrival);
            }
        foreach (var d in demand)
            chainMonths[d.Key.Recipient].Add(d.Key.Need);

        var network = new NetworkBuilder();
        var supplyNode = supply.Select(_ => network.AddNode()).ToArray();
        var monthNode = new Dictionary<(int Recipient, int Month), int>();
        var chains = new List<(int Recipient, int Month)>[recipients.Length];
        for (var i = 0; i < recipients.Length; i++)
        {
            chains[i] = [];
            foreach (var month in chainMonths[i])
            {
                monthNode[(i, month)] = network.AddNode();
                chains[i].Add((i, month));
            }
        }
        var demandNode = demand.Select(_ => network.AddNode()).ToArray();
        var sink = network.AddNode();

        // Arcs, remembered per month node for the decomposition.
        var inflows = new Dictionary<int, List<(int Group, int Arc)>>();
        var draws = new Dictionary<int, List<(int Group, int Arc, bool Late)>>();
        long totalSupply = 0;
        for (var g = 0; g < supply.Length; g++)
        {
            var units = supply[g].Members.Sum(o => allOffers[o].Quantity);
            totalSupply += units;
            network.SetSupply(supplyNode[g], units);
            foreach (var i in supply[g].Allowed)
            {
                var node = monthNode[(i, supply[g].Arrival)];
                var arc = network.AddArc(supplyNode[g], node, 0, NetworkSimplex.Infinite);
                (inflows.TryGetValue(node, out var list) ? list : inflows[node] = []).Add((g, arc));
            }
            network.AddArc(supplyNode[g], sink, 0, NetworkSimplex.Infinite); // units left unused
        }
        network.SetSupply(sink, -totalSupply);
        for (var i = 0; i < recipients.Length; i++)
            for (var k = 0; k + 1 < chains[i].Count; k++)
                network.AddArc(monthNode[chains[i][k]], monthNode[chains[i][k + 1]], 0, NetworkSimplex.Infinite);
        var demandSinkArc = new int[demand.Length];
        for (var q = 0; q < demand.Length; q++)
        {
            var (recipient, need, useful, priority) = demand[q].Key;
            var onTimeNode = monthNode[(recipient, need)];
            var arc = network.AddArc(
                onTimeNode, demandNode[q], -Benefit.PerUnit(priority, useful, 0), NetworkSimplex.Infinite);
            (draws.TryGetValue(onTimeNode, out var list) ? list : draws[onTimeNode] = []).Add((q, arc, false));
            var lateMonths = useful == 0 ? [] : arrivalMonths[recipient].GetViewBetween(need + 1, need + useful);
            foreach (var month in lateMonths)
            {
                var node = monthNode[(recipient, month)];
                var late = network.AddArc(
                    node, demandNode[q], -Benefit.PerUnit(priority, useful, month - need), NetworkSimplex.Infinite);
                (draws.TryGetValue(node, out var lateList) ? lateList : draws[node] = []).Add((q, late, true));
            }
            demandSinkArc[q] = network.AddArc(
                demandNode[q], sink, 0, demand[q].Members.Sum(r => allRequirements[r].Quantity));
        }
        return new ItemNetwork(
            allOffers, allRequirements, supply.Select(s => s.Members).ToArray(), supplyNode,
            demand.Select(d => d.Members).ToArray(),
            demandSinkArc, sink, chains, monthNode, inflows, draws, network);
    }

    /// <summary>Solves the network from scratch and returns its offer → requirement pairs.</summary>
    public List<Pair> Solve()
    {
        if (!_solver.Solve())
            throw new InvalidOperationException(
                "the planning network is always feasible: unused units flow to the sink");
        return Pairs();
    }

    /// <summary>
    /// Re-optimises after the quantities of some of this item type's offers and requirements changed
    /// in the shared arrays (nothing else of them: other changes need a new network), starting from
    /// the last optimum, and returns the new pairs. Only after <see cref="Solve()"/>.
    /// </summary>
    public List<Pair> ChangeQuantities(IEnumerable<int> offers, IEnumerable<int> requirements)
    {
        _supplyGroupOf ??= GroupOf(_supplyMembers);
        _demandGroupOf ??= GroupOf(_demandMembers);
        var supplies = new List<(int Node, long Supply)>();
        long change = 0;
        foreach (var g in offers.Where(_supplyGroupOf.ContainsKey).Select(o => _supplyGroupOf[o]).Distinct())
        {
            var units = _supplyMembers[g].Sum(o => _allOffers[o].Quantity);
            change += units - _solver.Supply(_supplyNode[g]);
            supplies.Add((_supplyNode[g], units));
        }
        supplies.Add((_sink, _solver.Supply(_sink) - change));
        var capacities = requirements.Where(_demandGroupOf.ContainsKey).Select(r => _demandGroupOf[r]).Distinct()
            .Select(q => (_demandSinkArc[q], _demandMembers[q].Sum(r => _allRequirements[r].Quantity)));
        _solver.Reoptimise(supplies, capacities);
        return Pairs();
    }

    private static Dictionary<int, int> GroupOf(int[][] members)
    {
        var groupOf = new Dictionary<int, int>();
        for (var g = 0; g < members.Length; g++)
            foreach (var m in members[g])
                groupOf[m] = g;
        return groupOf;
    }

    private List<Pair> Pairs()
    {
        var pairs = Decompose(
            _allOffers, _supplyMembers, _allRequirements, _demandMembers, _chains, _monthNode, _inflows, _draws,
            _solver);
        Objective = CheckAgainstNetwork(pairs, _allOffers, _allRequirements, _network, _solver);
        return pairs;
    }

    private static List<Pair> Decompose(
        Offer[] allOffers, int[][] supplyMembers, Requirement[] allRequirements, int[][] demandMembers,
        List<(int Recipient, int Month)>[] chains,
        Dictionary<(int, int), int> monthNode, Dictionary<int, List<(int Group, int Arc)>> inflows,
        Dictionary<int, List<(int Group, int Arc, bool Late)>> draws, NetworkSimplex solver)
    {
        var offerCursor = new MemberCursor[supplyMembers.Length];
        for (var g = 0; g < supplyMembers.Length; g++)
            offerCursor[g] = new MemberCursor(supplyMembers[g], o => allOffers[o].Quantity);
        var demandCursor = new MemberCursor[demandMembers.Length];
        for (var q = 0; q < demandMembers.Length; q++)
            demandCursor[q] = new MemberCursor(demandMembers[q], r => allRequirements[r].Quantity);
        // Each offer → requirement pair meets once: an offer arrives in one month, a requirement
        // draws from one recipient's chain, so their groups share one month node and one draw.
        var pairs = new List<Pair>();

        foreach (var chain in chains)
        {
            // Units waiting in this recipient's chain, newest on top.
            var waiting = new List<(int Group, long Units)>();
            foreach (var key in chain)
            {
                var node = monthNode[key];
                foreach (var (group, arc) in inflows.GetValueOrDefault(node) ?? [])
                    if (solver.Flow(arc) > 0)
                        waiting.Add((group, solver.Flow(arc)));
                // Late draws take the units that arrived this month (on top); on-time draws take any.
                foreach (var (group, arc, _) in (draws.GetValueOrDefault(node) ?? []).OrderBy(d => d.Late ? 0 : 1))
                {
                    var needed = solver.Flow(arc);
                    while (needed > 0)
                    {
                        var (supplyGroup, units) = waiting[^1];
                        var take = Math.Min(units, needed);
                        Share(offerCursor[supplyGroup], demandCursor[group], take, pairs);
                        needed -= take;
                        if (take == units)
                            waiting.RemoveAt(waiting.Count - 1);
                        else
                            waiting[^1] = (supplyGroup, units - take);
                    }
                }
            }
        }
        return pairs;
    }

    private static void Share(MemberCursor offers, MemberCursor requirements, long units, List<Pair> pairs)
    {
        while (units > 0)
        {
            var take = Math.Min(units, Math.Min(offers.Remaining, requirements.Remaining));
            pairs.Add(new Pair(offers.Current, requirements.Current, take));
            offers.Take(take);
            requirements.Take(take);
            units -= take;
        }
    }

    /// <summary>The benefit of the pairs last returned: the objective of this item type.</summary>
    public Int128 Objective { get; private set; }

    /// <summary>
    /// Checks each pair's eligibility and that the pairs' benefits add up to the network's; returns their sum.
    /// </summary>
    private static Int128 CheckAgainstNetwork(
        List<Pair> pairs, Offer[] allOffers, Requirement[] allRequirements, NetworkBuilder network,
        NetworkSimplex solver)
    {
        Int128 networkBenefit = 0;
        for (var arc = 0; arc < network.ArcCount; arc++)
            networkBenefit -= (Int128)network.Cost(arc) * solver.Flow(arc);
        Int128 pairBenefit = 0;
        foreach (var pair in pairs)
        {
            var (offer, requirement) = (allOffers[pair.Offer], allRequirements[pair.Requirement]);
            if (!Benefit.Eligible(offer, requirement))
                throw new InvalidOperationException(
                    $"decomposition paired ineligible offer {offer.Id} with requirement {requirement.Id}");
            pairBenefit += (Int128)Benefit.PerUnit(offer, requirement) * pair.Quantity;
        }
        if (pairBenefit != networkBenefit)
            throw new InvalidOperationException(
                $"decomposition lost benefit: pairs {pairBenefit}, network {networkBenefit}");
        return pairBenefit;
    }

    /// <summary>
    /// Orders and compares the keys of supply groups: arrival month, then the recipients they may reach.
    /// </summary>
    private sealed class AllowedComparer : IEqualityComparer<(int Arrival, int[] Allowed)>, IComparer<int[]>
    {
        public static readonly AllowedComparer Instance = new();

        public bool Equals((int Arrival, int[] Allowed) x, (int Arrival, int[] Allowed) y) =>
            x.Arrival == y.Arrival && x.Allowed.AsSpan().SequenceEqual(y.Allowed);

        public int GetHashCode((int Arrival, int[] Allowed) key)
        {
            var hash = new HashCode();
            hash.Add(key.Arrival);
            foreach (var i in key.Allowed)
                hash.Add(i);
            return hash.ToHashCode();
        }

        public int Compare(int[]? x, int[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    /// <summary>Hands out the units of a group's members (indexes) in order.</summary>
    private sealed class MemberCursor(int[] members, Func<int, long> units)
    {
        private int _index;
        private long _taken;

        public int Current => members[_index];

        public long Remaining => units(members[_index]) - _taken;

        public void Take(long count)
        {
            _taken += count;
            if (_taken == units(members[_index]))
            {
                _index++;
                _taken = 0;
            }
        }
    }
}
