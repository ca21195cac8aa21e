using System.Globalization;

namespace Mainstay.Time;

/// <summary>
/// A calendar month, e.g. 2025-03. A month read (<see cref="Of(int, int)"/>, <see cref="TryParse"/>)
/// lies in years 2000 to 2100 inclusive, the planning contract's range; a month computed from one
/// (<see cref="AddMonths"/>, <see cref="FromIndex"/>: an arrival, the end of a useful window) may lie
/// up to 120 months later, to the end of <see cref="MaxComputedYear"/>, and never before 2000.
/// Equality and ordering follow the calendar; <see cref="Index"/> is <c>year * 12 + month - 1</c>,
/// the integer month of the planning spec.
/// </summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The last year a computed month may lie in: a month of <see cref="MaxYear"/> plus 120 months.</summary>
    public const int MaxComputedYear = MaxYear + 10;

    public int Index { get; }

    private YearMonth(int index) => Index = index;

    public int Year => Index / 12;
    public int Month => (Index % 12) + 1;

    public static YearMonth Of(int year, int month)
    {
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"year must be {MinYear}..{MaxYear}");
        if (month is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(month), month, "month must be 1..12");
        return new YearMonth((year * 12) + month - 1);
    }

    public static YearMonth FromIndex(int index)
    {
        if (index < MinYear * 12 || index > (MaxComputedYear * 12) + 11)
            throw new ArgumentOutOfRangeException(
                nameof(index), index, $"month index must lie in {MinYear}-01..{MaxComputedYear}-12");
        return new(index);
    }

    public static YearMonth Of(DateOnly date) => Of(date.Year, date.Month);

    public YearMonth AddMonths(int months) => FromIndex(checked(Index + months));

    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>Parses exactly <c>YYYY-MM</c> with a year in range.</summary>
    public static bool TryParse(string text, out YearMonth value)
    {
        value = default;
        if (text.Length != 7 || text[4] != '-')
            return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month))
            return false;
        if (year is < MinYear or > MaxYear || month is < 1 or > 12)
            return false;
        value = Of(year, month);
        return true;
    }

    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(YearMonth a, YearMonth b) => a.Index < b.Index;
    public static bool operator >(YearMonth a, YearMonth b) => a.Index > b.Index;
    public static bool operator <=(YearMonth a, YearMonth b) => a.Index <= b.Index;
    public static bool operator >=(YearMonth a, YearMonth b) => a.Index >= b.Index;

    /// <summary>Writes <c>YYYY-MM</c> into <paramref name="destination"/> (7 characters) without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < 7
            || !Year.TryFormat(destination, out _, "D4", CultureInfo.InvariantCulture)
            || !Month.TryFormat(destination[5..], out _, "D2", CultureInfo.InvariantCulture))
            return false;
        destination[4] = '-';
        written = 7;
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
