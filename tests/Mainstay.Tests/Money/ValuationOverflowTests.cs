using Mainstay.BurdenSharing;
using Mainstay.Ledger;
using Mainstay.Money;
using Mainstay.Time;
using Amount = Mainstay.Money.Money;

namespace Mainstay.Tests.Money;

/// <summary>
/// Rates and amounts far out of range (an older ledger's, kept from before rates were bounded; the
/// largest amounts a file may hold) make a problem of the value they break, never an exception.
/// </summary>
public sealed class ValuationOverflowTests
{
    private const decimal Huge = decimal.MaxValue; // 79228162514264337593543950335
    private static readonly Currency Usd = Currency.Find("USD")!;
    private static readonly Currency All = Currency.Find("ALL")!;
    private static readonly DateOnly Day = new(2025, 3, 14);

    [Fact]
    public void The_mean_of_huge_daily_rates_does_not_overflow()
    {
        var valuation = new EuroValuation(
            [new ExchangeRate("USD", Day, Huge), new ExchangeRate("USD", Day.AddDays(1), Huge)], []);

        var value = valuation.YearToEur(Amount.FromUnits(1_000_000, Usd), 2025);

        value.IsOk.ShouldBeTrue(value.Problem?.ToString());
        value.Value.UnitsPerEuro.ShouldBe(Huge);
        value.Value.Eur.Minor.ShouldBe(0);
    }

    [Fact]
    public void An_amount_worth_more_euros_than_money_holds_is_a_problem()
    {
        var valuation = new EuroValuation([new ExchangeRate("USD", Day, 0.0000000001m)], []);

        var value = valuation.ToEur(new Amount(long.MaxValue, Usd), Day);

        value.Problem!.ToString()
            .ShouldBe("USD: rate: 92233720368547758.07 USD on 2025-03-14 at 0.0000000001 per euro comes to "
            + "more euros than Mainstay can count (92,233,720,368,547,758.07): is the amount or the rate wrong?");
        valuation.YearToEur(new Amount(long.MaxValue, Usd), 2025).IsOk.ShouldBeFalse();
    }

    [Fact]
    public void Imf_rates_that_cross_beyond_decimal_are_a_problem()
    {
        var valuation = new EuroValuation([],
            [new AnnualRate("ALL", 2024, Huge, "IMF"), new AnnualRate("EUR", 2024, 0.5m, "IMF")]);

        var value = valuation.ToEur(Amount.FromUnits(100, All), new DateOnly(2024, 6, 1));
        var year = valuation.YearToEur(Amount.FromUnits(100, All), 2024);

        value.Problem!.Message.ShouldStartWith(
            "the IMF annual averages of 2024 (79228162514264337593543950335 ALL and 0.5 EUR per US$)");
        year.Problem!.Message.ShouldStartWith("the IMF annual averages of 2024");
    }

    [Fact]
    public void A_delivery_worth_more_than_money_holds_is_a_problem()
    {
        var item = new ItemType("patriot", CapabilityArea.AirAndMissileDefence,
            Amount.FromUnits(90_000_000_000_000_000m, Currency.Eur), "Patriot");
        var offer = new Offer("DE-O1", "DE", "patriot", 1_000, YearMonth.Of(2025, 1), 0, CodeScope.Any, "");
        var delivery = new Delivery("D1", "DE-O1", "UA", 1_000, Day, "note");

        var derived = DerivedContributions.From([], [delivery], [offer], [item]);

        derived.Problem!.ToString()
            .ShouldBe("delivery D1: quantity: 1000 × patriot at the reference value 90000000000000000.00 EUR "
            + "is more euros than Mainstay can count (92,233,720,368,547,758.07): is the quantity or the value wrong?");
        derived.Problem!.About.ShouldBe(Mainstay.Ledger.LedgerTable.Deliveries); // released only to who sees it
    }

    [Fact]
    public void Contributions_that_add_up_beyond_money_are_a_problem_of_the_report()
    {
        Nation[] nations = [new("DE", "Germany", NationRole.Ally, Currency.Eur),
            new("UA", "Ukraine", NationRole.Recipient, Currency.Eur)];
        var most = new Amount(long.MaxValue, Currency.Eur);
        Contribution[] contributions = [Give("C1", most), Give("C2", most)];
        var problems = new List<Mainstay.Problems.Problem>();

        var report = BurdenSharingReport.Compute(
            new BurdenSharingInput(nations, [new GdpFigure("DE", 2024, most, "test")], contributions,
            [new Baseline(2025, most, "test")], new EuroValuation([], []), new ReportPeriod(2025), 2024), problems);

        report.IsOk.ShouldBeFalse();
        problems.ShouldHaveSingleItem().ToString()
            .ShouldStartWith("--year: contributions: the contributions counted in 2025 add up to more euros");
    }

    [Fact]
    public void A_fair_share_of_the_largest_baseline_and_gdp_is_computed()
    {
        Nation[] nations = [new("DE", "Germany", NationRole.Ally, Currency.Eur),
            new("UA", "Ukraine", NationRole.Recipient, Currency.Eur)];
        var most = new Amount(long.MaxValue, Currency.Eur);
        var problems = new List<Mainstay.Problems.Problem>();

        var report = BurdenSharingReport.Compute(
            new BurdenSharingInput(nations, [new GdpFigure("DE", 2024, most, "test")], [Give("C1", most)],
            [new Baseline(2025, most, "test")], new EuroValuation([], []), new ReportPeriod(2025), 2024), problems);

        report.IsOk.ShouldBeTrue(string.Join("; ", problems));
        report.Value.Allies.Single().FairShare.ShouldBe(most);
    }

    private static Contribution Give(string id, Amount amount) =>
        new(id, "DE", "UA", Day, AidType.Military, ContributionCategory.Equipment, Channel.Bilateral, amount,
            ValuationBasis.Cash, "test");
}
