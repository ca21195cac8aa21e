namespace Mainstay.Money;

/// <summary>
/// An ECB euro reference rate: <see cref="UnitsPerEuro"/> units of the currency buy one euro on that day.
/// </summary>
public sealed record ExchangeRate(string Currency, DateOnly Date, decimal UnitsPerEuro);

/// <summary>A value converted to euros, keeping what it came from, the rate used and how that rate was found.</summary>
/// <param name="ByImf">The rate is the IMF fallback (crossed through the US dollar), which reports must say.</param>
public sealed record EuroValue(
    Money Original, Money Eur, decimal UnitsPerEuro, DateOnly RateDate, string? Basis = null, bool ByImf = false)
{
    public string RateBasis => Basis
        ?? (Original.Currency == Currency.Eur ? "in euros" : $"ECB reference rate of {RateDate:yyyy-MM-dd}");
}
