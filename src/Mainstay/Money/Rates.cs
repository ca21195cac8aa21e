namespace Mainstay.Money;

/// <summary>
/// The range every exchange rate the ledger keeps lies in, ECB daily and IMF annual alike: one bound
/// for every way a rate comes in, so that no amount valued at it overflows.
/// </summary>
public static class Rates
{
    /// <summary>Far above any rate published (Zimbabwe's 2008 dollar: 6.7e9 per US$), far below overflow.</summary>
    public const decimal Max = 1_000_000_000_000_000m;

    /// <summary>The range in words, for messages: "&gt; 0 and at most 1e15".</summary>
    public const string Range = "> 0 and at most 1e15";

    public static bool InRange(decimal rate) => rate > 0 && rate <= Max;
}
