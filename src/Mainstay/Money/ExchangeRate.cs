namespace Mainstay.Money;

/// <summary>An ECB euro reference rate: <see cref="UnitsPerEuro"/> units of the currency buy one euro on that day.</summary>
public sealed record ExchangeRate(string Currency, DateOnly Date, decimal UnitsPerEuro);

/// <summary>A value converted to euros, keeping what it came from and the rate used.</summary>
public sealed record EuroValue(Money Original, Money Eur, decimal UnitsPerEuro, DateOnly RateDate);
