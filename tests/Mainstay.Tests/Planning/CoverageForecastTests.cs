using Mainstay.Ledger;
using Mainstay.Planning;
using Mainstay.Reports;
using Mainstay.Time;

namespace Mainstay.Tests.Planning;

public sealed class CoverageForecastTests
{
    private static readonly YearMonth January = YearMonth.Of(2025, 1);

    private static (Plan Plan, ItemType[] Items) Scenario()
    {
        Requirement[] needs =
        [
            new("R1", "UA", "shell", 100, 1, January, 0),
            new("R2", "UA", "shell", 50, 1, January.AddMonths(2), 0),
        ];
        Offer[] offers =
        [
            new("O1", "DE", "shell", 60, January, 0, CodeScope.Any, ""),
            new("O2", "FR", "shell", 90, January.AddMonths(1), 0, CodeScope.Any, ""),
        ];
        return (Planner.Solve(needs, offers),
            [new ItemType("shell", CapabilityArea.Artillery,
                new Mainstay.Money.Money(400_000, Mainstay.Money.Currency.Eur), "Shell")]);
    }

    [Fact]
    public void Counts_needs_arrivals_and_on_time_units_cumulatively_by_month()
    {
        var (plan, items) = Scenario();

        var forecast = CoverageForecast.Compute(plan, items);

        var shell = forecast.Where(f => f.Item == "shell")
            .Select(f => (f.Month.ToString(), f.Needed, f.Planned, f.OnTime, f.Gap)).ToArray();
        shell.ShouldBe([
            ("2025-01", 100L, 60L, 60L, 40L),
            ("2025-02", 100L, 110L, 60L, 40L),
            ("2025-03", 150L, 110L, 110L, 40L),
        ]);
        forecast.Where(f => f.Item is null).Select(f => (f.Capability, f.Needed))
            .ShouldBe([("artillery", 100L), ("artillery", 100L), ("artillery", 150L)]);
    }

    [Fact]
    public void Items_without_a_capability_are_unclassified_and_the_chart_draws_each_area()
    {
        var (plan, _) = Scenario();

        var forecast = CoverageForecast.Compute(plan, []);
        var svg = ForecastChart.Svg(forecast, "Test <plan>");

        forecast.ShouldAllBe(f => f.Capability == CoverageForecast.Unclassified);
        svg.ShouldStartWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        svg.ShouldContain("Test &lt;plan&gt;");
        svg.ShouldContain(">unclassified</text>");
        svg.ShouldContain("By 2025-03: 150 needed, 73% on time, gap 40");
        svg.ShouldContain("Cumulative units, 2025-01 to 2025-03");
        System.Xml.Linq.XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
    }
}
