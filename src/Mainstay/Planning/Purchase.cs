using Mainstay.Ledger;
using Mainstay.Time;

namespace Mainstay.Planning;

/// <summary>
/// Units of one procurement option, ordered in <see cref="OrderMonth"/>, paid by one fund, for one
/// requirement: the procurement contract's <c>y(f,p,t,r)</c>.
/// </summary>
public readonly record struct Purchase(
    Fund Fund, ProcurementOption Option, YearMonth OrderMonth, Requirement Requirement, long Quantity)
{
    public YearMonth Arrival => OrderMonth.AddMonths(Option.LeadMonths);

    public int LateMonths => Math.Max(0, Arrival.Index - Requirement.NeedBy.Index);

    /// <summary>Whole euros; exact (a purchase that a fund could pay never exceeds 64 bits).</summary>
    public long CostEur => checked(Option.UnitPriceEur * Quantity);
}

/// <summary>What one fund had, spent and has left in a plan, in whole euros.</summary>
public readonly record struct FundUse(Fund Fund, long SpentEur)
{
    public long LeftEur => Fund.AmountEur - SpentEur;
}
