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

    public static Plan From(IReadOnlyList<Requirement> requirements, IEnumerable<Allocation> allocations)
    {
        var sorted = allocations.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var byRequirement = string.CompareOrdinal(a.Requirement.Id, b.Requirement.Id);
            return byRequirement != 0 ? byRequirement : string.CompareOrdinal(a.Offer.Id, b.Offer.Id);
        });
        var ordered = requirements.ToArray();
        Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.Id, b.Id));

        // Both lists are in requirement-id order: one merge pass gives each requirement's coverage.
        var coverage = new Coverage[ordered.Length];
        Int128 objective = 0; // at most 1.21e6 per unit × 1e9 units × the rows: beyond 64 bits, far below 128
        var next = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            long allocated = 0, onTime = 0;
            while (next < sorted.Length && ReferenceEquals(sorted[next].Requirement, ordered[i]))
            {
                var a = sorted[next++];
                allocated += a.Quantity;
                if (a.LateMonths == 0)
                    onTime += a.Quantity;
                objective += (Int128)Benefit.PerUnit(a.Offer, a.Requirement) * a.Quantity;
            }
            coverage[i] = new Coverage(ordered[i], allocated, onTime, allocated - onTime);
        }
        if (next != sorted.Length)
            throw new InvalidOperationException("an allocation names a requirement that is not in the scenario");
        return new Plan(sorted, coverage, (BigInteger)objective);
    }
}
