using System.Globalization;
using Mainstay.Data.Files;
using Mainstay.Data.Tests.BurdenSharing;

namespace Mainstay.Data.Tests.SharedData;

/// <summary>
/// The Kiel Institute's Ukraine Support Tracker (release 29, ../shared/data) imported as
/// contributions: Mainstay's own sums and % of GDP against the tracker's columns.
/// </summary>
public sealed class KielTrackerTests
{
    private static readonly string[] AidTypes = ["military", "financial", "humanitarian"];

    [Fact]
    public async Task Totals_per_aid_type_and_percent_of_GDP_per_donor_agree_with_the_tracker()
    {
        var tracker = CsvTableFile.Read("data_explorer.csv",
            await File.ReadAllBytesAsync(SharedDataFolder.File("kiel-website-r29", "data_explorer.csv"))).Value;
        await using var ledger = await DemoLedger.CreateAsync("sqlite");
        // The tracker's contributions alone: no demo pledges, deliveries or funds beside them.
        ledger.WriteFile("pledges.csv", "id,year,donor,recipient,kind,amount,currency,status,announced_on,source\n");
        ledger.WriteFile("deliveries.csv", "id,offer,recipient,quantity,delivered_on,source\n");
        ledger.WriteFile("funds.csv", "id,donor,amount_eur,available,items,recipients\n");
        var import = await ledger.RunAsync("import", SharedDataFolder.File("kiel-website-r29", "data_explorer.csv"),
            "./pledges.csv", "./deliveries.csv", "./funds.csv", "--allow-removals");
        import.Exit.ShouldBe(0, import.Error);
        import.Out.ShouldContain("data_explorer.csv: 1450 added");

        var column = tracker.Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        decimal Cell(TextRow row, string name) => decimal.Parse(row.Cells[column[name]], CultureInfo.InvariantCulture);
        var compared = 0;
        foreach (var year in tracker.Rows.Select(r => r.Cells[column["year"]]).Distinct())
        {
            var rows = tracker.Rows.Where(r => r.Cells[column["year"]] == year).ToArray();
            var contributions = await ledger.RunAsync("report", "contributions", "--year", year, "--gdp-year", "2021",
                "--baseline", "40000000000");
            contributions.Exit.ShouldBe(0, contributions.Error);
            var valued = CsvTableFile.Parse("c.csv", contributions.Out).Value.Rows;
            // Totals per aid type: exactly the tracker's (EUR billions with six decimals are whole thousands of euros).
            foreach (var type in AidTypes)
                valued.Where(r => r.Cells[4] == type).Sum(r => decimal.Parse(r.Cells[10], CultureInfo.InvariantCulture))
                    .ShouldBe(rows.Sum(r => Cell(r, type)) * 1_000_000_000m, $"{type} {year}");

            // % of GDP per donor: military support over GDP of 2021. The tracker divides by its own 2021 GDP
            // in euros; Mainstay by NATO's (allies) or the World Bank's (partners) 2021 GDP in US$ at the
            // mean ECB rate of 2021. The two GDP figures differ by up to 4.4% (Norway), so the shares may
            // differ by that much: the tolerance is 5% of the share.
            var report = await ledger.RunAsync("report", "burden-sharing", "--year", year, "--gdp-year", "2021",
                "--baseline", "40000000000", "--format", "csv");
            report.Exit.ShouldBe(0, report.Error);
            var percent = CsvTableFile.Parse("r.csv", report.Out).Value.Rows.Where(r => r.Cells[7].Length > 0)
                .ToDictionary(r => r.Cells[1], r => decimal.Parse(r.Cells[7], CultureInfo.InvariantCulture));
            foreach (var donor in rows.Where(r => Cell(r, "gdp") > 0).GroupBy(r => r.Cells[column["iso"]]))
            {
                var theirs = donor.Sum(r => Cell(r, "military")) / Cell(donor.First(), "gdp") * 100;
                if (theirs == 0)
                    continue;
                var code = Alpha2(donor.Key);
                if (!percent.TryGetValue(code, out var ours))
                    continue; // no GDP of 2021 in the ledger (Taiwan)
                ours.ShouldBe(theirs, theirs * 0.05m, $"{code} {year}");
                compared++;
            }
        }
        compared.ShouldBeGreaterThan(100); // donor-years with military support and GDP on both sides
    }

    private static string Alpha2(string alpha3) =>
        Mainstay.Data.Demo.ReferenceData.Table("iso3166-alpha3.csv").Rows.Single(r => r.Cells[0] == alpha3).Cells[1];
}
