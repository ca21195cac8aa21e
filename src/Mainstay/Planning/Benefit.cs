using Mainstay.Ledger;
using Mainstay.Time;

namespace Mainstay.Planning;

/// <summary>The planning contract's definitions (shared/spec/planning.md), as functions.</summary>
public static class Benefit
{
    /// <summary><c>weight(p) = 10^(5-p)</c>: priority 1 → 10000 … priority 5 → 1.</summary>
    public static long Weight(int priority) => priority switch
    {
        1 => 10_000,
        2 => 1_000,
        3 => 100,
        4 => 10,
        5 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "priority must be 1..5"),
    };

    /// <summary>Months late: <c>max(0, arrive(o) - need_by(r))</c>.</summary>
    public static int LateMonths(Offer offer, Requirement requirement) =>
        Math.Max(0, offer.Arrival.Index - requirement.NeedBy.Index);

    /// <summary>
    /// Whether the offer may serve the requirement: same item, recipient allowed, arrives within the useful window.
    /// </summary>
    public static bool Eligible(Offer offer, Requirement requirement) =>
        offer.Item == requirement.Item
        && offer.Recipients.Allows(requirement.Recipient)
        && offer.Arrival.Index <= requirement.NeedBy.Index + requirement.UsefulMonths;

    /// <summary>
    /// <c>b(o,r) = weight(priority(r)) * (useful_months(r) + 1 - late(o,r))</c> for an eligible pair.
    /// </summary>
    public static long PerUnit(Offer offer, Requirement requirement) =>
        PerUnit(requirement.Priority, requirement.UsefulMonths, LateMonths(offer, requirement));

    public static long PerUnit(
        int priority, int usefulMonths, int lateMonths) => Weight(priority) * (usefulMonths + 1 - lateMonths);

    /// <summary>
    /// Whether fund <paramref name="fund"/> may pay units of <paramref name="option"/> ordered in
    /// <paramref name="orderMonth"/> for <paramref name="requirement"/> (<c>spec/procurement.md</c>).
    /// </summary>
    public static bool Eligible(Fund fund, ProcurementOption option, YearMonth orderMonth, Requirement requirement) =>
        option.Item == requirement.Item
        && fund.Items.Allows(option.Item)
        && fund.Recipients.Allows(requirement.Recipient)
        && orderMonth.Index >= Math.Max(option.FirstOrder.Index, fund.Available.Index)
        && orderMonth.Index <= option.LastOrder.Index
        && orderMonth.Index + option.LeadMonths <= requirement.NeedBy.Index + requirement.UsefulMonths;

    /// <summary>The benefit per unit of an eligible purchase: <c>b</c> with the purchase's arrival.</summary>
    public static long PerUnit(Purchase purchase) =>
        PerUnit(purchase.Requirement.Priority, purchase.Requirement.UsefulMonths, purchase.LateMonths);
}
