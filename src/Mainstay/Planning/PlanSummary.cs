using System.Numerics;

namespace Mainstay.Planning;

/// <summary>Units needed and planned for one priority.</summary>
public sealed record PriorityCoverage(int Priority, int Requirements, long Needed, long Allocated, long OnTime)
{
    public double AllocatedShare => Needed == 0 ? 0 : (double)Allocated / Needed;
    public double OnTimeShare => Needed == 0 ? 0 : (double)OnTime / Needed;
}

/// <summary>
/// What a person wants to know of a plan first: its value, coverage by priority and the largest gaps.
/// </summary>
public sealed record PlanSummary(
    BigInteger Objective, long AllocatedUnits, int Requirements, int Offers, int Allocations, int ItemTypes,
    IReadOnlyList<PriorityCoverage> ByPriority, IReadOnlyList<Coverage> LargestGaps)
{
    /// <summary>Euros the plan's purchases cost, and units they buy.</summary>
    public long SpentEur { get; init; }

    public long PurchasedUnits { get; init; }

    public int Funds { get; init; }

    public int Purchases { get; init; }

    public bool Optimal { get; init; } = true;

    public BigInteger? Bound { get; init; }

    public static PlanSummary Of(Plan plan, int offers, int itemTypes, int gaps = 5) => new PlanSummary(
        plan.Objective, plan.AllocatedUnits, plan.Coverage.Count, offers, plan.Allocations.Count, itemTypes,
        plan.Coverage.GroupBy(c => c.Requirement.Priority).OrderBy(g => g.Key)
            .Select(
                g => new PriorityCoverage(
                    g.Key, g.Count(), g.Sum(c => c.Requirement.Quantity), g.Sum(c => c.Allocated),
                    g.Sum(c => c.OnTime)))
            .ToArray(),
        // Largest gaps by the benefit they forgo at full cover: urgent needs first, then size.
        plan.Coverage.Where(c => c.Uncovered > 0)
            // ≤ 1.21e6 × 1e9: fits a long
            .OrderByDescending(
                c => Benefit.PerUnit(c.Requirement.Priority, c.Requirement.UsefulMonths, 0) * c.Uncovered)
            .ThenBy(c => c.Requirement.Id, StringComparer.Ordinal)
            .Take(gaps)
            .ToArray())
    {
        SpentEur = plan.SpentEur, PurchasedUnits = plan.PurchasedUnits, Funds = plan.Funds.Count,
        Purchases = plan.Purchases.Count, Optimal = plan.Optimal, Bound = plan.Bound,
    };
}
