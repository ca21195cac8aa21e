using Mainstay.Money;
using Amount = Mainstay.Money.Money;

namespace Mainstay.Tests.BurdenSharing;

public sealed class ValuationTests
{
    private static readonly Currency Lek = Currency.Find("ALL")!;
    private static readonly Currency Usd = Currency.Find("USD")!;

    private static readonly AnnualRate[] Imf =
    [
        new("ALL", 2024, 93.12m, "IMF"), new("EUR", 2024, 0.924m, "IMF"), new("USD", 2024, 1m, "IMF"),
    ];

    private readonly EuroValuation _valuation = new(
        [new("USD", new(2025, 5, 9), 1.1252m), new("USD", new(2024, 3, 1), 1.1m), new("USD", new(2024, 7, 1), 1.2m)],
        Imf);

    [Fact]
    public void A_currency_the_ECB_publishes_uses_its_rate_of_the_value_date()
    {
        var value = _valuation.ToEur(Amount.FromUnits(1_125.20m, Usd), new DateOnly(2025, 5, 12)).Value;

        value.Eur.Units.ShouldBe(1_000m);
        value.RateBasis.ShouldBe("ECB reference rate of 2025-05-09");
    }

    [Fact]
    public void A_currency_without_ECB_rates_is_crossed_through_the_dollar_at_the_IMF_annual_average()
    {
        // 93.12 lek per US$ ÷ 0.924 euro per US$ = 100.7792... lek per euro
        var value = _valuation.ToEur(Amount.FromUnits(1_007_792.21m, Lek), new DateOnly(2024, 11, 5)).Value;

        value.UnitsPerEuro.ShouldBe(93.12m / 0.924m);
        value.Eur.Units.ShouldBe(10_000.00m);
        value.RateBasis.ShouldBe("IMF annual average 2024 via US$ (no ECB rate for ALL)");
    }

    [Fact]
    public void The_IMF_average_of_the_year_before_serves_until_the_year_is_published()
    {
        _valuation.ToEur(Amount.FromUnits(100, Lek), new DateOnly(2025, 3, 15)).Value.RateBasis.ShouldStartWith(
            "IMF annual average 2024");
    }

    [Fact]
    public void No_rate_and_no_fallback_names_the_currency_and_the_date()
    {
        var value = _valuation.ToEur(Amount.FromUnits(100, Lek), new DateOnly(2027, 1, 4));

        value.IsOk.ShouldBeFalse();
        value.Problem.Message.ShouldStartWith(
            "no rate to value ALL on 2027-01-04: the ECB publishes none for it and no IMF annual "
                + "average for 2026 or 2027");
        new EuroValuation([], []).ToEur(Amount.FromUnits(1, Currency.Find("MKD")!),
            new DateOnly(2024, 6, 1)).Problem!.Message.ShouldContain("MKD on 2024-06-01");
    }

    [Fact]
    public void A_yearly_figure_uses_the_mean_of_the_years_ECB_rates()
    {
        var gdp = _valuation.YearToEur(Amount.FromUnits(1_150, Usd), 2024).Value;

        gdp.Eur.Units.ShouldBe(1_000m);
        gdp.RateBasis.ShouldBe("mean of the 2 ECB daily rates of 2024");
        _valuation.YearToEur(Amount.FromUnits(93_120, Lek), 2024).Value.Eur.Units.ShouldBe(
            Math.Round(93_120m / (93.12m / 0.924m), 2));
    }
}
