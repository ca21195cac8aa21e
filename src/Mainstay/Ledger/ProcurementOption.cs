using Mainstay.Time;

namespace Mainstay.Ledger;

/// <summary>
/// What can be bought (<c>spec/procurement.md</c>): units of <see cref="Item"/> from
/// <see cref="Supplier"/> at <see cref="UnitPriceEur"/> whole euros each, ordered in any month from
/// <see cref="FirstOrder"/> to <see cref="LastOrder"/>, arriving <see cref="LeadMonths"/> after the order,
/// at most <see cref="MonthlyCapacity"/> units ordered in one month by all funds together.
/// </summary>
public sealed record ProcurementOption(
    string Id, string Supplier, string Item, long UnitPriceEur, YearMonth FirstOrder, YearMonth LastOrder,
    int LeadMonths, long MonthlyCapacity)
{
    public const long MaxUnitPriceEur = 10_000_000_000;
    public const int MaxLeadMonths = 120;
    public const long MaxMonthlyCapacity = 1_000_000_000;

    /// <summary>
    /// Whether a month's full capacity has a price in whole euros that fits 64 bits: an option whose
    /// does not is refused, so that no cost is ever wrapped.
    /// </summary>
    public static bool CostFits(long unitPriceEur, long monthlyCapacity) =>
        (Int128)unitPriceEur * monthlyCapacity <= long.MaxValue;
}
