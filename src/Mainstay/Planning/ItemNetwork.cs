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
/// requirement pairs whose true benefits add up to the network's optimum; <see cref="Solve"/>
/// checks that they do.
/// </para>
/// </summary>
internal static class ItemNetwork
{
    public static List<Allocation> Solve(IReadOnlyList<Requirement> requirements, IReadOnlyList<Offer> offers)
    {
        var recipients = requirements.Select(r => r.Recipient).Distinct().Order(StringComparer.Ordinal).ToArray();
        var recipientIndex = recipients.Select((code, i) => (code, i)).ToDictionary(p => p.code, p => p.i, StringComparer.Ordinal);
        var latestUseful = new int[recipients.Length];
        Array.Fill(latestUseful, int.MinValue);
        foreach (var r in requirements)
        {
            var i = recipientIndex[r.Recipient];
            latestUseful[i] = Math.Max(latestUseful[i], r.NeedBy.Index + r.UsefulMonths);
        }

        // Demand groups: identical requirements, members in id order.
        var demand = requirements
            .GroupBy(r => (Recipient: recipientIndex[r.Recipient], Need: r.NeedBy.Index, r.UsefulMonths, r.Priority))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Members: g.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray()))
            .ToArray();

        // Supply groups: offers that may reach the same recipients (those whose windows they can meet) in the same month.
        var supply = offers
            .Select(o => (Offer: o, Allowed: recipients.Select((code, i) => i).Where(i => o.Recipients.Allows(recipients[i]) && o.Arrival.Index <= latestUseful[i]).ToArray()))
            .Where(p => p.Allowed.Length > 0)
            .GroupBy(p => (Arrival: p.Offer.Arrival.Index, Allowed: string.Join(',', p.Allowed)))
            .OrderBy(g => g.Key.Arrival).ThenBy(g => g.Key.Allowed, StringComparer.Ordinal)
            .Select(g => (Arrival: g.Key.Arrival, Allowed: g.First().Allowed, Members: g.Select(p => p.Offer).OrderBy(o => o.Id, StringComparer.Ordinal).ToArray()))
            .ToArray();
        if (demand.Length == 0 || supply.Length == 0)
            return [];

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
            var units = supply[g].Members.Sum(o => o.Quantity);
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
        for (var q = 0; q < demand.Length; q++)
        {
            var (recipient, need, useful, priority) = demand[q].Key;
            var onTimeNode = monthNode[(recipient, need)];
            var arc = network.AddArc(onTimeNode, demandNode[q], -Benefit.PerUnit(priority, useful, 0), NetworkSimplex.Infinite);
            (draws.TryGetValue(onTimeNode, out var list) ? list : draws[onTimeNode] = []).Add((q, arc, false));
            var lateMonths = useful == 0 ? [] : arrivalMonths[recipient].GetViewBetween(need + 1, need + useful);
            foreach (var month in lateMonths)
            {
                var node = monthNode[(recipient, month)];
                var late = network.AddArc(node, demandNode[q], -Benefit.PerUnit(priority, useful, month - need), NetworkSimplex.Infinite);
                (draws.TryGetValue(node, out var lateList) ? lateList : draws[node] = []).Add((q, late, true));
            }
            network.AddArc(demandNode[q], sink, 0, demand[q].Members.Sum(r => r.Quantity));
        }

        var solver = network.Build();
        if (!solver.Solve())
            throw new InvalidOperationException("the planning network is always feasible: unused units flow to the sink");

        var pairs = Decompose(supply.Select(s => s.Members).ToArray(), demand.Select(d => d.Members).ToArray(), chains, monthNode, inflows, draws, solver);
        CheckAgainstNetwork(pairs, network, solver);
        return pairs;
    }

    private static List<Allocation> Decompose(
        Offer[][] supplyMembers, Requirement[][] demandMembers, List<(int Recipient, int Month)>[] chains,
        Dictionary<(int, int), int> monthNode, Dictionary<int, List<(int Group, int Arc)>> inflows,
        Dictionary<int, List<(int Group, int Arc, bool Late)>> draws, NetworkSimplex solver)
    {
        var offerCursor = new MemberCursor<Offer>[supplyMembers.Length];
        for (var g = 0; g < supplyMembers.Length; g++)
            offerCursor[g] = new MemberCursor<Offer>(supplyMembers[g], o => o.Quantity);
        var demandCursor = new MemberCursor<Requirement>[demandMembers.Length];
        for (var q = 0; q < demandMembers.Length; q++)
            demandCursor[q] = new MemberCursor<Requirement>(demandMembers[q], r => r.Quantity);
        // Keyed by the members themselves (by reference): records hash all their fields, which is slow.
        var amounts = new Dictionary<(Offer, Requirement), long>(PairComparer.Instance);

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
                        Pair(offerCursor[supplyGroup], demandCursor[group], take, amounts);
                        needed -= take;
                        if (take == units)
                            waiting.RemoveAt(waiting.Count - 1);
                        else
                            waiting[^1] = (supplyGroup, units - take);
                    }
                }
            }
        }
        return amounts.Select(p => new Allocation(p.Key.Item1, p.Key.Item2, p.Value)).ToList();
    }

    private static void Pair(MemberCursor<Offer> offers, MemberCursor<Requirement> requirements, long units, Dictionary<(Offer, Requirement), long> amounts)
    {
        while (units > 0)
        {
            var take = Math.Min(units, Math.Min(offers.Remaining, requirements.Remaining));
            var key = (offers.Current, requirements.Current);
            amounts[key] = amounts.GetValueOrDefault(key) + take;
            offers.Take(take);
            requirements.Take(take);
            units -= take;
        }
    }

    private static void CheckAgainstNetwork(List<Allocation> pairs, NetworkBuilder network, NetworkSimplex solver)
    {
        Int128 networkBenefit = 0;
        for (var arc = 0; arc < network.ArcCount; arc++)
            networkBenefit -= (Int128)network.Cost(arc) * solver.Flow(arc);
        Int128 pairBenefit = 0;
        foreach (var a in pairs)
        {
            if (!Benefit.Eligible(a.Offer, a.Requirement))
                throw new InvalidOperationException($"decomposition paired ineligible offer {a.Offer.Id} with requirement {a.Requirement.Id}");
            pairBenefit += (Int128)Benefit.PerUnit(a.Offer, a.Requirement) * a.Quantity;
        }
        if (pairBenefit != networkBenefit)
            throw new InvalidOperationException($"decomposition lost benefit: pairs {pairBenefit}, network {networkBenefit}");
    }

    private sealed class PairComparer : IEqualityComparer<(Offer Offer, Requirement Requirement)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((Offer Offer, Requirement Requirement) x, (Offer Offer, Requirement Requirement) y) =>
            ReferenceEquals(x.Offer, y.Offer) && ReferenceEquals(x.Requirement, y.Requirement);

        public int GetHashCode((Offer Offer, Requirement Requirement) pair) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Offer), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Requirement));
    }

    /// <summary>Hands out the units of a group's members in order.</summary>
    private sealed class MemberCursor<T>(T[] members, Func<T, long> units)
    {
        private int _index;
        private long _taken;

        public T Current => members[_index];

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
