using Mainstay.BurdenSharing;
using Mainstay.Ledger;
using Mainstay.Money;
using Mainstay.Time;

namespace Mainstay.Tests.BurdenSharing;

/// <summary>
/// A purchase fund counts once in burden sharing, spent or not: drawn from a pledge, as the pledge's
/// disbursed years and nothing more; of the donor's own money, its whole amount in the month it is available.
/// </summary>
public sealed class FundContributionTests
{
    private static readonly PledgeTranche Disbursed = new(
        "WS-DE", 2025, "DE", "UA", PledgeKind.MultiYear, new Mainstay.Money.Money(700_000_000_000, Currency.Eur),
        PledgeStatus.Disbursed, new DateOnly(2024, 7, 10), new DateOnly(2025, 1, 15), new DateOnly(2025, 11, 20),
        "Washington Summit");

    private static Fund Fund(string id, string pledge, long amountEur = 430_000_000) => new(
        id, "DE", amountEur, YearMonth.Of(2025, 8), CodeScope.Any, CodeScope.Only(["UA"]), pledge, Released: false);

    private static IReadOnlyList<Contribution> Derived(params Fund[] funds) =>
        DerivedContributions.From(Pledge.FromTranches([Disbursed]), [], [], [], funds).Value;

    [Fact]
    public void A_fund_drawn_from_a_pledge_adds_no_euro_beyond_the_pledge()
    {
        var contributions = Derived(Fund("DE-PURL-1", "WS-DE", 430_000_000), Fund("DE-PURL-2", "WS-DE", 9_000_000_000));

        contributions.Select(c => c.Id).ShouldBe(["pledge:WS-DE:2025"]);
        contributions.Sum(c => c.Amount.Minor).ShouldBe(700_000_000_000);
    }

    [Fact]
    public void A_fund_of_the_donors_own_money_counts_whole_on_the_first_day_of_its_month_spent_or_not()
    {
        var contributions = Derived(Fund("DE-CZ-1", "", 120_000_001));

        var fund = contributions.Single(c => c.Id == "fund:DE-CZ-1");
        fund.Amount.ShouldBe(new Mainstay.Money.Money(12_000_000_100, Currency.Eur));
        fund.ValueDate.ShouldBe(new DateOnly(2025, 8, 1));
        fund.Donor.ShouldBe("DE");
        fund.AidType.ShouldBe(AidType.Military);
        fund.Category.ShouldBe(ContributionCategory.Equipment);
        fund.Origin.ShouldBe(ContributionOrigin.Fund);
        contributions.Count.ShouldBe(2); // and the pledge's disbursed year, once
    }

    [Fact]
    public void The_largest_fund_is_counted_exactly()
    {
        var fund = Derived(Fund("DE-BIG", "", Mainstay.Ledger.Fund.MaxAmountEur)).Single(c => c.Id == "fund:DE-BIG");

        fund.Amount.Minor.ShouldBe(100_000_000_000_000);
    }
}
