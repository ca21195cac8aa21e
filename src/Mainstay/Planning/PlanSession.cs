using System.Numerics;
using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>
/// A plan kept in memory with each item type's solved network, for re-planning as rows change.
/// When only quantities change, the item type's network is re-optimised from its last optimum
/// (a warm start: the work grows with the change, not with the item type); any other change to a
/// row solves its item type(s) again; item types that did not change keep their pairs. Every
/// <see cref="Plan"/> is optimal, but where the optimum is not unique its allocations may differ
/// from those of <see cref="Planner.Solve"/> on the same rows.
/// </summary>
public sealed class PlanSession
{
    private readonly PlanInput _input;
    private readonly Dictionary<string, int> _requirementIndex;
    private readonly Dictionary<string, int> _offerIndex;
    private readonly Dictionary<string, ItemState> _items;
    // The current plan's allocations with their sort keys (requirement rank, offer rank), for merging.
    private long[] _keys;
    private Allocation[] _allocations;
    private Coverage[] _coverage;

    public PlanSession(IReadOnlyList<Requirement> requirements, IReadOnlyList<Offer> offers, int? maxParallelism = null)
    {
        _input = PlanInput.Index(requirements, offers);
        _requirementIndex = IndexById(_input.Requirements.Select(r => r.Id), "requirement");
        _offerIndex = IndexById(_input.Offers.Select(o => o.Id), "offer");
        var states = new ItemState[_input.Items.Length];
        Parallel.For(0, states.Length, Planner.Parallelism(maxParallelism), i => states[i] = Solve(_input.Items[i]));
        _items = states.ToDictionary(s => s.Rows.Item, StringComparer.Ordinal);
        Plan = _input.PlanFrom(states.Select(s => s.Pairs));
        _keys = Plan.Allocations.Select(
            a => Key(_requirementIndex[a.Requirement.Id], _offerIndex[a.Offer.Id])).ToArray();
        _allocations = [.. Plan.Allocations];
        _coverage = [.. Plan.Coverage];
    }

    /// <summary>The optimal plan of the rows as last changed.</summary>
    public Plan Plan { get; private set; }

    /// <summary>
    /// Replaces rows by id and re-plans. Every row must already be in the session: adding or
    /// removing rows needs a new session. A change that is refused or fails leaves the session as
    /// it was.
    /// </summary>
    public Plan Change(IEnumerable<Requirement> requirements, IEnumerable<Offer> offers)
    {
        // Find every row before changing any, so an unknown id changes nothing.
        var requirementChanges = requirements.Select(
            r => (Index: Find(_requirementIndex, r.Id, "requirement"), Row: r)).ToArray();
        var offerChanges = offers.Select(o => (Index: Find(_offerIndex, o.Id, "offer"), Row: o)).ToArray();
        var oldRequirements = requirementChanges.Select(c => (c.Index, Row: _input.Requirements[c.Index])).ToArray();
        var oldOffers = offerChanges.Select(c => (c.Index, Row: _input.Offers[c.Index])).ToArray();

        var resolve = new SortedSet<string>(StringComparer.Ordinal);
        var warmRequirements = new List<int>();
        var warmOffers = new List<int>();
        foreach (var (index, requirement) in requirementChanges)
        {
            var old = _input.Requirements[index];
            if (old with { Quantity = requirement.Quantity } == requirement)
                warmRequirements.Add(index);
            else
                resolve.UnionWith([old.Item, requirement.Item]);
            _input.Requirements[index] = requirement;
        }
        foreach (var (index, offer) in offerChanges)
        {
            var old = _input.Offers[index];
            if (old with { Quantity = offer.Quantity } == offer)
                warmOffers.Add(index);
            else
                resolve.UnionWith([old.Item, offer.Item]);
            _input.Offers[index] = offer;
        }

        try
        {
            foreach (var item in resolve)
                _items[item] = Solve(RowsOf(item));
            var warm = warmRequirements.Select(
                r => _input.Requirements[r].Item).Concat(warmOffers.Select(o => _input.Offers[o].Item))
                .Where(item => !resolve.Contains(item) && _items.GetValueOrDefault(item)?.Network is not null)
                .Distinct(StringComparer.Ordinal).ToArray();
            foreach (var item in warm)
            {
                var state = _items[item];
                _items[item] = Solved(
                    state.Rows, state.Network, state.Network!.ChangeQuantities(warmOffers, warmRequirements));
                resolve.Add(item);
            }
            return Plan = Assemble(resolve, warmRequirements);
        }
        catch
        {
            // Put the rows back and solve their item types from scratch: the session is again the plan of its rows.
            foreach (var (index, row) in oldRequirements.Reverse())
                _input.Requirements[index] = row;
            foreach (var (index, row) in oldOffers.Reverse())
                _input.Offers[index] = row;
            var touched = oldRequirements.Select(r => r.Row.Item).Concat(requirementChanges.Select(r => r.Row.Item))
                .Concat(oldOffers.Select(o => o.Row.Item))
                    .Concat(offerChanges.Select(o => o.Row.Item))
                    .ToHashSet(StringComparer.Ordinal);
            foreach (var item in touched.Where(_items.ContainsKey))
                _items[item] = Solve(RowsOf(item));
            Plan = Assemble(touched, [.. oldRequirements.Select(r => r.Index)]);
            throw;
        }
    }

    private ItemRows RowsOf(string item) => new(item,
        [.. Enumerable.Range(0, _input.Requirements.Length).Where(r => _input.Requirements[r].Item == item)],
        [.. Enumerable.Range(0, _input.Offers.Length).Where(o => _input.Offers[o].Item == item)]);

    private ItemState Solve(ItemRows rows)
    {
        var network = _input.Network(rows);
        return Solved(rows, network, network?.Solve() ?? []);
    }

    private static ItemState Solved(ItemRows rows, ItemNetwork? network, List<ItemNetwork.Pair> pairs) =>
        new(rows, network, pairs, network is null ? BigInteger.Zero : (BigInteger)network.Objective);

    private long Key(
        int requirement,
        int offer) => ((long)_input.RequirementRank[requirement] << 32) | (uint)_input.OfferRank[offer];

    /// <summary>
    /// The plan after the pairs of <paramref name="items"/> changed: their allocations and coverage
    /// are replaced and merged into the rest in one pass, which keeps the rest's order.
    /// </summary>
    private Plan Assemble(IReadOnlyCollection<string> items, List<int> changedRequirements)
    {
        var coverage = (Coverage[])_coverage.Clone();
        foreach (var r in changedRequirements) // rows of item types without offers have no pairs, but their quantity shows
            coverage[
                _input.RequirementRank[r]] = coverage[_input.RequirementRank[r]] with { Requirement = _input.Requirements[r] };
        var replaced = new bool[_input.Requirements.Length];
        var fresh = new List<(long Key, Allocation Allocation)>();
        foreach (var state in items.Select(item => _items.GetValueOrDefault(item)).OfType<ItemState>())
        {
            foreach (var r in state.Rows.Requirements)
            {
                replaced[_input.RequirementRank[r]] = true;
                coverage[_input.RequirementRank[r]] = new Coverage(_input.Requirements[r], 0, 0, 0);
            }
            foreach (var pair in state.Pairs)
            {
                var allocation = new Allocation(
                    _input.Offers[pair.Offer], _input.Requirements[pair.Requirement], pair.Quantity);
                fresh.Add((Key(pair.Requirement, pair.Offer), allocation));
                ref var covered = ref coverage[_input.RequirementRank[pair.Requirement]];
                var onTime = allocation.LateMonths == 0 ? allocation.Quantity : 0;
                covered = covered with {
                    Allocated = covered.Allocated + allocation.Quantity, OnTime = covered.OnTime + onTime,
                    Late = covered.Late + allocation.Quantity - onTime };
            }
        }
        fresh.Sort((a, b) => a.Key.CompareTo(b.Key));

        var kept = 0;
        foreach (var key in _keys)
            if (!replaced[(int)(key >> 32)])
                kept++;
        var keys = new long[kept + fresh.Count];
        var allocations = new Allocation[keys.Length];
        var (next, at) = (0, 0);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (replaced[(int)(_keys[i] >> 32)])
                continue;
            for (; next < fresh.Count && fresh[next].Key < _keys[i]; next++, at++)
                (keys[at], allocations[at]) = fresh[next];
            (keys[at], allocations[at]) = (_keys[i], _allocations[i]);
            at++;
        }
        for (; next < fresh.Count; next++, at++)
            (keys[at], allocations[at]) = fresh[next];

        (_keys, _allocations, _coverage) = (keys, allocations, coverage);
        return new Plan(
            allocations, coverage, _items.Values.Aggregate(BigInteger.Zero, (sum, state) => sum + state.Objective));
    }

    private static Dictionary<string, int> IndexById(IEnumerable<string> ids, string kind)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
            if (!index.TryAdd(id, index.Count))
                throw new ArgumentException($"{kind} id {id} appears twice");
        return index;
    }

    private static int Find(Dictionary<string, int> index, string id, string kind) =>
        index.TryGetValue(id, out var at)
            ? at
            : throw new ArgumentException($"{kind} {id} is not in this plan: adding a row needs a new session");

    private sealed record ItemState(
        ItemRows Rows, ItemNetwork? Network, List<ItemNetwork.Pair> Pairs, BigInteger Objective);
}
