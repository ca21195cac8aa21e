using Mainstay.Ledger;
using Mainstay.Time;

namespace Mainstay.Planning;

/// <summary>
/// For a requirement a plan leaves short: the funds that could have paid for it and why they did not,
/// each by the first reason that holds: its earmark excludes the item type or the recipient; no order
/// it can place arrives in time; its money went to requirements the objective values more per euro;
/// or no option had capacity left in a month it could order in.
/// </summary>
public static class PurchaseExplanation
{
    public static IReadOnlyList<string> Explain(
        Requirement requirement, Plan plan, IReadOnlyList<Fund> funds, IReadOnlyList<ProcurementOption> options,
        int names = 5)
    {
        if (funds.Count == 0)
            return [];
        var sellers = options.Where(p => p.Item == requirement.Item).ToArray();
        if (sellers.Length == 0)
            return [$"No procurement option sells {requirement.Item}, so no fund could buy it."];
        var lines = new List<string>();
        var spent = plan.Funds.ToDictionary(f => f.Fund.Id, f => f.SpentEur, StringComparer.Ordinal);
        var ordered = plan.Purchases.GroupBy(p => (p.Option.Id, p.OrderMonth))
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity));
        foreach (var fund in funds.OrderBy(f => f.Id, StringComparer.Ordinal).Take(names))
            lines.Add($"Fund {fund.Id} ({fund.Donor}): " + Reason(requirement, plan, fund, sellers, spent, ordered));
        if (funds.Count > names)
            lines.Add(FormattableString.Invariant($"... and {funds.Count - names} more fund(s)."));
        return lines;
    }

    private static string Reason(
        Requirement requirement, Plan plan, Fund fund, ProcurementOption[] sellers,
        Dictionary<string, long> spent, Dictionary<(string, YearMonth), long> ordered)
    {
        if (!fund.Items.Allows(requirement.Item))
            return $"earmarked for {fund.Items}, not {requirement.Item}.";
        if (!fund.Recipients.Allows(requirement.Recipient))
            return $"may only buy for {fund.Recipients}, not {requirement.Recipient}.";
        var windows = sellers
            .Select(p => (Option: p, Months: OrderMonths(requirement, fund, p)))
            .Where(w => w.Months.Count > 0)
            .ToArray();
        if (windows.Length == 0)
            return FormattableString.Invariant($"too late: its money is available from {fund.Available}, and no ")
                + FormattableString.Invariant($"order placed then arrives by {LastUseful(requirement)}, ")
                + "the end of the requirement's useful window.";
        var left = fund.AmountEur - spent.GetValueOrDefault(fund.Id);
        var cheapest = windows.Min(w => w.Option.UnitPriceEur);
        if (left < cheapest)
            return FormattableString.Invariant($"its money went to requirements the objective values more per ")
                + FormattableString.Invariant($"euro: EUR {left:N0} of {fund.AmountEur:N0} left, less than the ")
                + FormattableString.Invariant($"EUR {cheapest:N0} the cheapest unit in time costs")
                + BoughtFor(plan, fund) + ".";
        var spare = windows.SelectMany(w => w.Months.Select(
                t => w.Option.MonthlyCapacity - ordered.GetValueOrDefault((w.Option.Id, t))))
            .Sum(units => Math.Max(0, units));
        if (spare == 0)
            return FormattableString.Invariant($"no option had capacity left in time: ")
                + string.Join("; ", windows.Select(w => FormattableString.Invariant(
                    $"{w.Option.Id} sold all its {w.Option.MonthlyCapacity:N0} units a month from ")
                    + FormattableString.Invariant($"{w.Months[0]} to {w.Months[^1]}")))
                + ".";
        return FormattableString.Invariant($"EUR {left:N0} left and {spare:N0} units of capacity in time: ")
            + (plan.Optimal
                ? "the ledger changed after this plan was made; plan again to use them."
                : "the plan is the best found within its time limit, not proven optimal.");
    }

    private static YearMonth LastUseful(Requirement requirement) =>
        requirement.NeedBy.AddMonths(requirement.UsefulMonths);

    /// <summary>The months the fund could order the option in and still be in time for the requirement.</summary>
    private static List<YearMonth> OrderMonths(Requirement requirement, Fund fund, ProcurementOption option)
    {
        var months = new List<YearMonth>();
        var first = Math.Max(option.FirstOrder.Index, fund.Available.Index);
        var last = Math.Min(option.LastOrder.Index, LastUseful(requirement).Index - option.LeadMonths);
        for (var t = first; t <= last; t++)
            months.Add(YearMonth.FromIndex(t));
        return months;
    }

    private static string BoughtFor(Plan plan, Fund fund)
    {
        var bought = plan.Purchases.Where(p => p.Fund.Id == fund.Id)
            .GroupBy(p => p.Requirement.Id, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Units: g.Sum(p => p.Quantity),
                PerEuro: g.Max(p => (double)Benefit.PerUnit(p) / p.Option.UnitPriceEur)))
            .OrderByDescending(b => b.PerEuro).ThenBy(b => b.Id, StringComparer.Ordinal)
            .Take(3)
            .ToArray();
        return bought.Length == 0
            ? ""
            : "; it bought for " + string.Join(", ", bought.Select(b => FormattableString.Invariant(
                $"{b.Id} ({b.Units:N0} units, {b.PerEuro:0.###} objective per euro)")));
    }
}
