namespace Mainstay.Money;

/// <summary>
/// An annual average exchange rate against the US dollar (the IMF's series): <see cref="UnitsPerUsd"/> units buy one
/// dollar.
/// </summary>
public sealed record AnnualRate(string Currency, int Year, decimal UnitsPerUsd, string Source);
