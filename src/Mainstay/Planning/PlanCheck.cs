namespace Mainstay.Planning;

/// <summary>
/// Checks a plan against the constraints of the contracts in exact integers, as a planner does before
/// it writes one: a solver's answer is trusted only once it has passed.
/// </summary>
public static class PlanCheck
{
    /// <summary>What the plan breaks, in words; empty when it is feasible.</summary>
    public static IReadOnlyList<string> Violations(Plan plan)
    {
        var violations = new List<string>();
        foreach (var a in plan.Allocations.Where(a => a.Quantity <= 0 || !Benefit.Eligible(a.Offer, a.Requirement)))
            violations.Add($"offer {a.Offer.Id} may not serve requirement {a.Requirement.Id} ({a.Quantity} units)");
        foreach (var p in plan.Purchases.Where(
            p => p.Quantity <= 0 || !Benefit.Eligible(p.Fund, p.Option, p.OrderMonth, p.Requirement)))
            violations.Add(
                $"fund {p.Fund.Id} may not buy {p.Option.Id} in {p.OrderMonth} for requirement {p.Requirement.Id}");
        foreach (var offer in plan.Allocations.GroupBy(a => a.Offer))
            if (Total(offer.Select(a => (Int128)a.Quantity)) > offer.Key.Quantity)
                violations.Add($"offer {offer.Key.Id} gives more than its {offer.Key.Quantity} units");
        foreach (var c in plan.Coverage.Where(c => c.Uncovered < 0))
            violations.Add($"requirement {c.Requirement.Id} gets more than its {c.Requirement.Quantity} units");
        foreach (var fund in plan.Purchases.GroupBy(p => p.Fund))
            if (Total(fund.Select(p => (Int128)p.Option.UnitPriceEur * p.Quantity)) > fund.Key.AmountEur)
                violations.Add($"fund {fund.Key.Id} spends more than its EUR {fund.Key.AmountEur}");
        foreach (var month in plan.Purchases.GroupBy(p => (p.Option, p.OrderMonth)))
            if (Total(month.Select(p => (Int128)p.Quantity)) > month.Key.Option.MonthlyCapacity)
                violations.Add(
                    $"option {month.Key.Option.Id} is ordered beyond its {month.Key.Option.MonthlyCapacity} units " +
                    $"in {month.Key.OrderMonth}");
        return violations;
    }

    private static Int128 Total(IEnumerable<Int128> values) => values.Aggregate(Int128.Zero, (sum, v) => sum + v);
}
