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
        var sorted = allocations
            .OrderBy(a => a.Requirement.Id, StringComparer.Ordinal)
            .ThenBy(a => a.Offer.Id, StringComparer.Ordinal)
            .ToArray();
        var byRequirement = sorted.ToLookup(a => a.Requirement.Id, StringComparer.Ordinal);
        var coverage = requirements
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r =>
            {
                var mine = byRequirement[r.Id];
                return new Coverage(r, mine.Sum(a => a.Quantity), mine.Where(a => a.LateMonths == 0).Sum(a => a.Quantity), mine.Where(a => a.LateMonths > 0).Sum(a => a.Quantity));
            })
            .ToArray();
        var objective = BigInteger.Zero;
        foreach (var a in sorted)
            objective += (BigInteger)Benefit.PerUnit(a.Offer, a.Requirement) * a.Quantity;
        return new Plan(sorted, coverage, objective);
    }
}
