using Mainstay.Time;

namespace Mainstay.Tests.Time;

public sealed class YearMonthTests
{
    [Theory]
    [InlineData("2025-03", 2025, 3)]
    [InlineData("2000-01", 2000, 1)]
    [InlineData("2100-12", 2100, 12)]
    public void Parses_a_month_in_range(string text, int year, int month)
    {
        YearMonth.TryParse(text, out var value).ShouldBeTrue();
        value.Year.ShouldBe(year);
        value.Month.ShouldBe(month);
        value.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("1999-12")]
    [InlineData("2101-01")]
    [InlineData("2025-3")]
    [InlineData("25-03")]
    [InlineData("2025/03")]
    [InlineData("2025-03-01")]
    [InlineData("")]
    [InlineData("+025-03")]
    public void Refuses_anything_else(string text) => YearMonth.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Index_is_the_planning_specs_integer_month()
    {
        YearMonth.Of(2025, 3).Index.ShouldBe((2025 * 12) + 2);
        YearMonth.Of(2025, 11).AddMonths(3).ShouldBe(YearMonth.Of(2026, 2));
        (YearMonth.Of(2025, 1) < YearMonth.Of(2025, 2)).ShouldBeTrue();
    }

    [Fact]
    public void A_computed_month_may_lie_120_months_past_2100_and_never_before_2000()
    {
        YearMonth.Of(2100, 12).AddMonths(120).ShouldBe(YearMonth.FromIndex((2110 * 12) + 11));
        Should.Throw<ArgumentOutOfRangeException>(() => YearMonth.Of(2100, 12).AddMonths(121));
        Should.Throw<ArgumentOutOfRangeException>(() => YearMonth.Of(2000, 1).AddMonths(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => YearMonth.FromIndex(0));
        Should.Throw<ArgumentOutOfRangeException>(() => YearMonth.FromIndex(int.MaxValue));
    }
}
