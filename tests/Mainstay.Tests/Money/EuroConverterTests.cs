using Mainstay.Money;

namespace Mainstay.Tests.Money;

public sealed class EuroConverterTests
{
    private static readonly Currency Usd = Currency.Find("USD")!;

    private static readonly EuroConverter Converter = new([
        new ExchangeRate("USD", new DateOnly(2025, 5, 8), 1.1290m),
        new ExchangeRate("USD", new DateOnly(2025, 5, 9), 1.1252m),
        new ExchangeRate("USD", new DateOnly(2025, 5, 12), 1.1106m),
    ]);

    [Fact]
    public void Uses_the_rate_of_the_value_date()
    {
        var value = Converter.ToEur(new Mainstay.Money.Money(112_520, Usd), new DateOnly(2025, 5, 9)).Value;

        value.Eur.Minor.ShouldBe(100_000);
        value.UnitsPerEuro.ShouldBe(1.1252m);
        value.RateDate.ShouldBe(new DateOnly(2025, 5, 9));
        value.Original.ShouldBe(new Mainstay.Money.Money(112_520, Usd));
    }

    [Fact]
    public void On_a_weekend_uses_the_last_rate_published_before()
    {
        var value = Converter.ToEur(new Mainstay.Money.Money(100_00, Usd), new DateOnly(2025, 5, 11)).Value;

        value.RateDate.ShouldBe(new DateOnly(2025, 5, 9));
        value.Eur.Minor.ShouldBe(8887); // 100 / 1.1252 = 88.8731... → 88.87
    }

    [Fact]
    public void Before_the_first_rate_is_a_clear_problem()
    {
        var result = Converter.ToEur(new Mainstay.Money.Money(100, Usd), new DateOnly(2025, 5, 1));

        result.IsOk.ShouldBeFalse();
        result.Problem!.Message.ShouldBe(
            "no ECB reference rate for USD on or before 2025-05-01 (the first loaded is 2025-05-08)");
    }

    [Fact]
    public void A_currency_without_rates_is_a_clear_problem()
    {
        var result = Converter.ToEur(new Mainstay.Money.Money(100, Currency.Find("ALL")!), new DateOnly(2025, 5, 9));

        result.Problem!.Message.ShouldStartWith("no ECB reference rate for ALL is loaded");
    }

    [Fact]
    public void Euros_convert_at_one()
    {
        var value = Converter.ToEur(new Mainstay.Money.Money(12_345, Currency.Eur), new DateOnly(1990, 1, 1)).Value;

        value.Eur.Minor.ShouldBe(12_345);
        value.UnitsPerEuro.ShouldBe(1m);
    }
}
