using System.Numerics;
using Mainstay.Ledger;
using Mainstay.Planning;

namespace Mainstay.Procurement.Tests;

/// <summary>
/// The definitions of <c>spec/planning.md</c> and <c>spec/procurement.md</c>, written again from the
/// spec's text for the tests: the reference and the checks do not lean on <see cref="Benefit"/>.
/// </summary>
internal static class Contract
{
    /// <summary><c>weight(p) = 10^(5-p)</c>.</summary>
    public static long Weight(int priority)
    {
        long weight = 1;
        for (var i = priority; i < 5; i++)
            weight *= 10;
        return weight;
    }

    /// <summary><c>weight(priority(r)) * (useful_months(r) + 1 - max(0, arrive - need_by(r)))</c>.</summary>
    public static long BenefitPerUnit(Requirement requirement, int arrive) =>
        Weight(requirement.Priority)
        * (requirement.UsefulMonths + 1 - Math.Max(0, arrive - requirement.NeedBy.Index));

    public static int Arrive(Offer offer) => offer.Available.Index + offer.TransitMonths;

    public static bool InWindow(Requirement requirement, int arrive) =>
        arrive <= requirement.NeedBy.Index + requirement.UsefulMonths;

    /// <summary>Whether offer <paramref name="offer"/> may serve <paramref name="requirement"/>.</summary>
    public static bool Eligible(Offer offer, Requirement requirement) =>
        offer.Item == requirement.Item
        && (offer.Recipients.IsAny || offer.Recipients.Codes.Contains(requirement.Recipient))
        && InWindow(requirement, Arrive(offer));

    /// <summary>
    /// The order months in which fund <paramref name="fund"/> may buy option <paramref name="option"/>
    /// for <paramref name="requirement"/>: none when the item, the earmark or the recipients rule it out.
    /// </summary>
    public static IEnumerable<int> OrderMonths(Fund fund, ProcurementOption option, Requirement requirement)
    {
        if (option.Item != requirement.Item
            || !(fund.Items.IsAny || fund.Items.Codes.Contains(option.Item))
            || !(fund.Recipients.IsAny || fund.Recipients.Codes.Contains(requirement.Recipient)))
            yield break;
        for (var t = Math.Max(option.FirstOrder.Index, fund.Available.Index); t <= option.LastOrder.Index; t++)
            if (InWindow(requirement, t + option.LeadMonths))
                yield return t;
    }

    /// <summary>The objective of a plan recomputed from its rows alone.</summary>
    public static BigInteger Objective(Plan plan) =>
        plan.Allocations.Aggregate(
            BigInteger.Zero,
            (sum, a) => sum + ((BigInteger)BenefitPerUnit(a.Requirement, Arrive(a.Offer)) * a.Quantity))
        + plan.Purchases.Aggregate(
            BigInteger.Zero,
            (sum, p) => sum + ((BigInteger)BenefitPerUnit(p.Requirement, p.OrderMonth.Index + p.Option.LeadMonths)
                * p.Quantity));

    /// <summary>The euros a plan spends, recomputed from its purchases alone.</summary>
    public static BigInteger Spent(Plan plan) =>
        plan.Purchases.Aggregate(BigInteger.Zero, (sum, p) => sum + ((BigInteger)p.Option.UnitPriceEur * p.Quantity));
}
