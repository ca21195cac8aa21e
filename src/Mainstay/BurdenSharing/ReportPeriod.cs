namespace Mainstay.BurdenSharing;

/// <summary>
/// A calendar year, or one half of it (H1 January–June, H2 July–December): the framework reports twice a year.
/// </summary>
public sealed record ReportPeriod(int Year, int? Half = null)
{
    public DateOnly Start => new(Year, Half == 2 ? 7 : 1, 1);

    public DateOnly End => Half == 1 ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31);

    /// <summary>The part of a year's baseline this period carries.</summary>
    public decimal ShareOfYear => Half is null ? 1m : 0.5m;

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public override string ToString() => Half is { } half
        ? $"{Year} H{half}"
        : Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
