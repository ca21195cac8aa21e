using Mainstay.Ledger;
using Mainstay.Problems;

namespace Mainstay.BurdenSharing;

/// <summary>
/// Contributions that follow from the rest of the ledger, so nobody records them twice: a
/// disbursed pledge year is money paid on its disbursement date; a delivery is an in-kind donation
/// valued at its item's reference (replacement) value on the day it was delivered; a purchase fund
/// drawn from no pledge is its donor's money committed on the first day of the month it is available,
/// counted whole whether it is spent or not (a fund drawn from a pledge adds nothing: the pledge's
/// disbursed years count its euros, once).
/// </summary>
public static class DerivedContributions
{
    public static Result<IReadOnlyList<Contribution>> From(
        IEnumerable<Pledge> pledges, IEnumerable<Delivery> deliveries, IEnumerable<Offer> offers,
        IEnumerable<ItemType> items, IEnumerable<Fund>? funds = null)
    {
        var contributions = new List<Contribution>();
        foreach (var fund in (funds ?? []).Where(f => f.Pledge.Length == 0))
            contributions.Add(FromFund(fund));
        foreach (var tranche in pledges.SelectMany(p => p.Tranches).Where(t => t.Status == PledgeStatus.Disbursed))
            contributions.Add(
                new Contribution(
                    $"pledge:{tranche.PledgeId}:{tranche.Year}", tranche.Donor, tranche.Recipient,
                    tranche.DisbursedOn!.Value,
                AidType.Military, ContributionCategory.Unspecified, Channel.Bilateral, tranche.Amount,
                ValuationBasis.Cash, tranche.Source,
                Origin: ContributionOrigin.DisbursedPledge));

        var offerById = offers.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var itemById = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var delivery in deliveries)
        {
            if (!offerById.TryGetValue(delivery.Offer, out var offer))
                return DeliveryProblem(delivery, "offer", $"no offer \"{delivery.Offer}\" in the ledger");
            if (!itemById.TryGetValue(offer.Item, out var item))
                return DeliveryProblem(
                    delivery, "offer",
                    $"offer {offer.Id} is of item \"{offer.Item}\", which has no reference value in items");
            var value = (Int128)item.UnitValueEur.Minor * delivery.Quantity;
            if (value > long.MaxValue || value < long.MinValue)
                return DeliveryProblem(
                    delivery, "quantity", $"{delivery.Quantity} × {item.Id} at the reference value "
                    + $"{item.UnitValueEur} is more euros than Mainstay can count "
                        + "(92,233,720,368,547,758.07): is the quantity or the value wrong?");
            contributions.Add(
                new Contribution($"delivery:{delivery.Id}", offer.Donor, delivery.Recipient, delivery.DeliveredOn,
                AidType.Military, ContributionCategory.Equipment, Channel.Bilateral,
                new Money.Money((long)value, item.UnitValueEur.Currency), ValuationBasis.ReferenceReplacementValue,
                $"{delivery.Quantity} × {item.Id} of offer {offer.Id} at the "
                    + $"reference value {item.UnitValueEur}; {delivery.Source}",
                Origin: ContributionOrigin.Delivery));
        }
        return Result<IReadOnlyList<Contribution>>.Ok(contributions);
    }

    /// <summary>
    /// What a fund of the donor's own money (drawn from no pledge) counts as: its whole amount, in euros,
    /// on the first day of the month it is available, to the recipients its purchases may go to.
    /// </summary>
    public static Contribution FromFund(Fund fund) =>
        new(
            $"fund:{fund.Id}", fund.Donor, fund.Recipients.ToString(),
            new DateOnly(fund.Available.Year, fund.Available.Month, 1), AidType.Military,
            ContributionCategory.Equipment, Channel.Other,
            new Money.Money(fund.AmountEur * Money.Currency.Eur.MinorPerUnit, Money.Currency.Eur), ValuationBasis.Cash,
            $"fund {fund.Id} for purchases, EUR {fund.AmountEur:N0}, spent or not",
            Origin: ContributionOrigin.Fund);

    /// <summary>A problem with one delivery: named by its id, and only for those who may see it.</summary>
    private static Problem DeliveryProblem(Delivery delivery, string field, string message) =>
        new(BurdenSharingReport.DeliveryWhere + delivery.Id, field, message) { About = LedgerTable.Deliveries };
}
