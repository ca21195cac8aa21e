using System.Numerics;
using Mainstay.Ledger;
using Mainstay.Time;

namespace Mainstay.Planning;

/// <summary>
/// An optimal assignment of offers to requirements and, where funds may buy, of purchases to them.
/// Allocations are sorted by requirement id then offer id (ordinal), purchases by requirement, fund,
/// option and order month, coverage by requirement id, so equal inputs give equal plans.
/// </summary>
public sealed record Plan(IReadOnlyList<Allocation> Allocations, IReadOnlyList<Coverage> Coverage, BigInteger Objective)
{
    /// <summary>Units offered in kind and bought.</summary>
    public long AllocatedUnits => Allocations.Sum(a => a.Quantity) + PurchasedUnits;

    public IReadOnlyList<Purchase> Purchases { get; init; } = [];

    /// <summary>Every fund the plan could draw on, by id, with what it spent.</summary>
    public IReadOnlyList<FundUse> Funds { get; init; } = [];

    public long PurchasedUnits => Purchases.Sum(p => p.Quantity);

    public long SpentEur => Funds.Sum(f => f.SpentEur);

    /// <summary>Whether the search proved the plan optimal (false: a time limit stopped it first).</summary>
    public bool Optimal { get; init; } = true;

    /// <summary>When not <see cref="Optimal"/>: the proven upper bound on the objective.</summary>
    public BigInteger? Bound { get; init; }

    /// <summary>
    /// A plan of in-kind <paramref name="allocations"/> and <paramref name="purchases"/>, in any order:
    /// sorted, with coverage, fund use and objective recomputed in exact integers.
    /// </summary>
    public static Plan Joint(
        IReadOnlyList<Requirement> requirements, IEnumerable<Allocation> allocations, IReadOnlyList<Fund> funds,
        IEnumerable<Purchase> purchases)
    {
        var inKind = allocations
            .OrderBy(a => a.Requirement.Id, StringComparer.Ordinal).ThenBy(a => a.Offer.Id, StringComparer.Ordinal)
            .ToArray();
        var bought = purchases
            .OrderBy(p => p.Requirement.Id, StringComparer.Ordinal).ThenBy(p => p.Fund.Id, StringComparer.Ordinal)
            .ThenBy(p => p.Option.Id, StringComparer.Ordinal).ThenBy(p => p.OrderMonth)
            .ToArray();
        var allocationsOf = inKind.ToLookup(a => a.Requirement.Id, StringComparer.Ordinal);
        var purchasesOf = bought.ToLookup(p => p.Requirement.Id, StringComparer.Ordinal);
        var coverage = requirements.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r =>
        {
            var (given, buys) = (allocationsOf[r.Id], purchasesOf[r.Id]);
            var purchased = buys.Sum(p => p.Quantity);
            var allocated = given.Sum(a => a.Quantity) + purchased;
            var onTime = given.Where(a => a.LateMonths == 0).Sum(a => a.Quantity)
                + buys.Where(p => p.LateMonths == 0).Sum(p => p.Quantity);
            return new Coverage(r, allocated, onTime, allocated - onTime, purchased);
        }).ToArray();
        var objective = inKind.Aggregate(
                BigInteger.Zero, (sum, a) => sum + ((BigInteger)Benefit.PerUnit(a.Offer, a.Requirement) * a.Quantity))
            + bought.Aggregate(BigInteger.Zero, (sum, p) => sum + ((BigInteger)Benefit.PerUnit(p) * p.Quantity));
        var spentBy = bought.GroupBy(p => p.Fund.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.CostEur), StringComparer.Ordinal);
        var uses = funds.OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => new FundUse(f, spentBy.GetValueOrDefault(f.Id))).ToArray();
        return new Plan(inKind, coverage, objective) { Purchases = bought, Funds = uses };
    }

    /// <summary>
    /// A stored plan's allocations (requirement id, offer id, units) and purchases read against the
    /// ledger's rows: those whose rows no longer exist are left out; every requirement gets its coverage.
    /// </summary>
    public static Plan Of(
        IReadOnlyList<Requirement> requirements, IReadOnlyList<Offer> offers,
        IEnumerable<(string RequirementId, string OfferId, long Quantity)> stored,
        IReadOnlyList<Fund>? funds = null, IReadOnlyList<ProcurementOption>? options = null,
        IEnumerable<StoredPurchase>? purchases = null)
    {
        var requirementById = requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var offerById = offers.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var fundById = (funds ?? []).ToDictionary(f => f.Id, StringComparer.Ordinal);
        var optionById = (options ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var allocations = stored
            .Where(a => requirementById.ContainsKey(a.RequirementId) && offerById.ContainsKey(a.OfferId))
            .Select(a => new Allocation(offerById[a.OfferId], requirementById[a.RequirementId], a.Quantity));
        var bought = (purchases ?? [])
            .Where(p => requirementById.ContainsKey(p.RequirementId) && fundById.ContainsKey(p.FundId)
                && optionById.ContainsKey(p.OptionId))
            .Select(p => new Purchase(
                fundById[p.FundId], optionById[p.OptionId], p.OrderMonth, requirementById[p.RequirementId], p.Quantity));
        return Joint(requirements, allocations, funds ?? [], bought);
    }

    /// <summary>
    /// A plan from pairs of indexes into <paramref name="requirements"/> and <paramref name="offers"/>, whose ordinal
    /// id ranks are given.
    /// </summary>
    internal static Plan From(
        Requirement[] requirements, int[] requirementRank, Offer[] offers, int[] offerRank, ItemNetwork.Pair[] pairs)
    {
        // Sort by (requirement rank, offer rank) as one integer: quicker than comparing strings.
        var keys = new long[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
            keys[i] = ((long)requirementRank[pairs[i].Requirement] << 32) | (uint)offerRank[pairs[i].Offer];
        Array.Sort(keys, pairs);

        var byRank = new int[requirements.Length];
        for (var r = 0; r < requirements.Length; r++)
            byRank[requirementRank[r]] = r;
        var allocations = new Allocation[pairs.Length];
        var coverage = new Coverage[requirements.Length];
        // Requirements in rank order, in slices built side by side: a million rows and their pairs
        // are spread over memory, so the build waits on memory more than it computes.
        var slices = Math.Max(1, Math.Min(64, requirements.Length / 50_000));
        var objectives = new Int128[slices];
        Parallel.For(0, slices, slice =>
        {
            var firstRank = (int)((long)requirements.Length * slice / slices);
            var endRank = (int)((long)requirements.Length * (slice + 1) / slices);
            var next = FirstPairOf(keys, firstRank);
            Int128 objective = 0; // at most 1.21e6 per unit × 1e9 units × the rows: beyond 64 bits, far below 128
            for (var rank = firstRank; rank < endRank; rank++)
            {
                var requirement = requirements[byRank[rank]];
                long allocated = 0, onTime = 0;
                for (; next < pairs.Length && pairs[next].Requirement == byRank[rank]; next++)
                {
                    var allocation = allocations[next] = new Allocation(
                        offers[pairs[next].Offer], requirement, pairs[next].Quantity);
                    allocated += allocation.Quantity;
                    if (allocation.LateMonths == 0)
                        onTime += allocation.Quantity;
                    objective += (Int128)Benefit.PerUnit(allocation.Offer, requirement) * allocation.Quantity;
                }
                coverage[rank] = new Coverage(requirement, allocated, onTime, allocated - onTime);
            }
            objectives[slice] = objective;
        });
        var total = Int128.Zero;
        foreach (var objective in objectives)
            total += objective;
        return new Plan(allocations, coverage, (BigInteger)total);
    }

    /// <summary>
    /// The first of the sorted <paramref name="keys"/> whose requirement rank is at least <paramref name="rank"/>.
    /// </summary>
    private static int FirstPairOf(long[] keys, int rank)
    {
        var key = (long)rank << 32;
        var at = Array.BinarySearch(keys, key);
        if (at < 0)
            return ~at;
        while (at > 0 && keys[at - 1] >= key)
            at--;
        return at;
    }

    /// <summary>Each index's position when the ids are sorted ordinally.</summary>
    internal static int[] Ranks(int count, Func<int, string> id)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
            order[i] = i;
        Array.Sort(order, (a, b) => string.CompareOrdinal(id(a), id(b)));
        var rank = new int[count];
        for (var i = 0; i < count; i++)
            rank[order[i]] = i;
        return rank;
    }
}

/// <summary>A purchase as a stored plan keeps it: by the ids of its rows.</summary>
public readonly record struct StoredPurchase(
    string RequirementId, string FundId, string OptionId, YearMonth OrderMonth, long Quantity);
