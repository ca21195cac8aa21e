using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>
/// One month of the forecast for an item type, or for a whole capability area when
/// <see cref="Item"/> is null. All unit counts are cumulative up to and including the month.
/// </summary>
/// <param name="Needed">Units of the requirements due by this month.</param>
/// <param name="Planned">Units planned to arrive by this month, for any requirement.</param>
/// <param name="OnTime">Units for requirements due by this month that arrive by their need-by month.</param>
/// <param name="Bought">The part of <paramref name="OnTime"/> that funds bought; the rest is given in kind.</param>
public sealed record ForecastMonth(
    string Capability, string? Item, Time.YearMonth Month, long Needed, long Planned, long OnTime, long Bought = 0)
{
    /// <summary>Units due by this month that will not have arrived in time.</summary>
    public long Gap => Needed - OnTime;

    public double OnTimeShare => Needed == 0 ? 1 : (double)OnTime / Needed;
}

/// <summary>
/// The month-by-month coverage forecast of a plan: what is needed, what will arrive and what is
/// still missing, per item type and per capability area, over the months from the first need-by
/// month to the last need-by or planned arrival. Units bought count as planned, like those given in
/// kind, and are also counted apart (<see cref="ForecastMonth.Bought"/>).
/// </summary>
public static class CoverageForecast
{
    /// <summary>Item types missing from items.csv are reported under this capability.</summary>
    public const string Unclassified = "unclassified";

    public static IReadOnlyList<ForecastMonth> Compute(Plan plan, IReadOnlyList<ItemType> items)
    {
        if (plan.Coverage.Count == 0)
            return [];
        var capabilityOf = items.ToDictionary(i => i.Id, i => i.Capability.Code(), StringComparer.Ordinal);
        string Capability(string item) => capabilityOf.GetValueOrDefault(item, Unclassified);

        var first = plan.Coverage.Min(c => c.Requirement.NeedBy.Index);
        var last = Math.Max(Math.Max(plan.Coverage.Max(c => c.Requirement.NeedBy.Index),
                plan.Allocations.Count == 0 ? 0 : plan.Allocations.Max(a => a.Offer.Arrival.Index)),
            plan.Purchases.Count == 0 ? 0 : plan.Purchases.Max(p => p.Arrival.Index));
        var months = last - first + 1;

        // Per item: units newly due, newly arriving and newly on time in each month of the horizon.
        var perItem = new SortedDictionary<string, Series>(StringComparer.Ordinal);
        Series Series(string item) =>
            perItem.TryGetValue(item, out var series)
                ? series
                : perItem[item] = new Series(new long[months], new long[months], new long[months], new long[months]);
        foreach (var c in plan.Coverage)
            Series(c.Requirement.Item).Needed[c.Requirement.NeedBy.Index - first] += c.Requirement.Quantity;
        foreach (var a in plan.Allocations)
        {
            var series = Series(a.Requirement.Item);
            series.Planned[Math.Max(0, a.Offer.Arrival.Index - first)] += a.Quantity;
            if (a.LateMonths == 0)
                series.OnTime[a.Requirement.NeedBy.Index - first] += a.Quantity;
        }
        foreach (var p in plan.Purchases)
        {
            var series = Series(p.Requirement.Item);
            series.Planned[Math.Max(0, p.Arrival.Index - first)] += p.Quantity;
            if (p.LateMonths == 0)
            {
                series.OnTime[p.Requirement.NeedBy.Index - first] += p.Quantity;
                series.Bought[p.Requirement.NeedBy.Index - first] += p.Quantity;
            }
        }

        var rows = new List<ForecastMonth>();
        foreach (var capability in perItem.Keys.Select(Capability).Distinct().Order(StringComparer.Ordinal))
        {
            var members = perItem.Where(p => Capability(p.Key) == capability).ToArray();
            rows.AddRange(Cumulate(capability, null, first, members.Select(m => m.Value).ToArray()));
            foreach (var (item, series) in members)
                rows.AddRange(Cumulate(capability, item, first, [series]));
        }
        return rows;
    }

    private static IEnumerable<ForecastMonth> Cumulate(
        string capability, string? item, int first, Series[] series)
    {
        long needed = 0, planned = 0, onTime = 0, bought = 0;
        for (var m = 0; m < series[0].Needed.Length; m++)
        {
            foreach (var s in series)
            {
                needed += s.Needed[m];
                planned += s.Planned[m];
                onTime += s.OnTime[m];
                bought += s.Bought[m];
            }
            yield return new ForecastMonth(
                capability, item, Time.YearMonth.FromIndex(first + m), needed, planned, onTime, bought);
        }
    }

    /// <summary>Units of one item type newly due, arriving, on time and bought on time, month by month.</summary>
    private sealed record Series(long[] Needed, long[] Planned, long[] OnTime, long[] Bought);
}
