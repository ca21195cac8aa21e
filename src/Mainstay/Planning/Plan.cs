using System.Numerics;
using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>
/// An optimal assignment of offers to requirements. Allocations are sorted by requirement id then
/// offer id (ordinal), coverage by requirement id, so equal inputs give equal plans.
/// </summary>
public sealed record Plan(IReadOnlyList<Allocation> Allocations, IReadOnlyList<Coverage> Coverage, BigInteger Objective)
{
    public long AllocatedUnits => Allocations.Sum(a => a.Quantity);

    /// <summary>A plan from pairs of indexes into <paramref name="requirements"/> and <paramref name="offers"/>, whose ordinal id ranks are given.</summary>
    internal static Plan From(Requirement[] requirements, int[] requirementRank, Offer[] offers, int[] offerRank, ItemNetwork.Pair[] pairs)
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
        Int128 objective = 0; // at most 1.21e6 per unit × 1e9 units × the rows: beyond 64 bits, far below 128
        var next = 0;
        for (var rank = 0; rank < byRank.Length; rank++)
        {
            var requirement = requirements[byRank[rank]];
            long allocated = 0, onTime = 0;
            for (; next < pairs.Length && pairs[next].Requirement == byRank[rank]; next++)
            {
                var allocation = allocations[next] = new Allocation(offers[pairs[next].Offer], requirement, pairs[next].Quantity);
                allocated += allocation.Quantity;
                if (allocation.LateMonths == 0)
                    onTime += allocation.Quantity;
                objective += (Int128)Benefit.PerUnit(allocation.Offer, requirement) * allocation.Quantity;
            }
            coverage[rank] = new Coverage(requirement, allocated, onTime, allocated - onTime);
        }
        return new Plan(allocations, coverage, (BigInteger)objective);
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
