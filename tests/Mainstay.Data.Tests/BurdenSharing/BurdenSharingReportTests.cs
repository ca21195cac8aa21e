using System.Globalization;
using Mainstay.Data.Files;

namespace Mainstay.Data.Tests.BurdenSharing;

/// <summary>
/// <c>mainstay report burden-sharing</c> and <c>report contributions</c> on the demo ledger, both databases.
/// </summary>
public sealed class BurdenSharingReportTests
{
    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task The_demo_report_shows_every_ally_against_its_fair_share(string database)
    {
        await using var ledger = await DemoLedger.CreateAsync(database);

        var run = await ledger.RunAsync("report", "burden-sharing", "--year", "2025");

        run.Exit.ShouldBe(0, run.Error);
        var lines = run.Out.Split('\n');
        lines.Count(l => l.Length > 6 && char.IsAsciiDigit(l[3]) && l[6..8].All(char.IsAsciiLetterUpper)).ShouldBe(32);
        run.Out.ShouldContain("Allies, total");
        run.Out.ShouldContain("40,000.0"); // the baseline, in EUR millions
        run.Out.ShouldContain("Rule: Fair share = baseline × the ally's share of the allies' combined GDP.");
        run.Out.ShouldContain("AL: AL25-TRAIN: IMF annual average 2024 via US$ (no ECB rate for ALL)");
        run.Out.ShouldMatch(@"Allies gave 9\d\.\d% of all military support counted in 2025\.");
    }

    [Fact]
    public async Task The_CSV_adds_up_and_the_fair_shares_sum_to_the_baseline()
    {
        await using var ledger = await DemoLedger.CreateAsync("sqlite");

        var run = await ledger.RunAsync("report", "burden-sharing", "--year", "2025", "--half", "2", "--format", "csv");

        run.Exit.ShouldBe(0, run.Error);
        var table = CsvTableFile.Parse("report.csv", run.Out).Value;
        table.Header.ShouldBe(
            ["rank", "nation", "name", "role", "counted_eur", "fair_share_eur", "ratio", "percent_of_gdp", "gdp_eur",
                "notes"]);
        var allies = table.Rows.Where(r => r.Cells[3] == "ally" && r.Cells[0].Length > 0).ToArray();
        allies.Length.ShouldBe(32);
        decimal Sum(IEnumerable<TextRow> rows, int column) =>
            rows.Sum(r => decimal.Parse(r.Cells[column], CultureInfo.InvariantCulture));
        Sum(allies, 5).ShouldBe(20_000_000_000m, 0.32m); // half the baseline, up to a cent per ally
        var total = table.Rows.Single(r => r.Cells[1] == "ALLIES");
        decimal.Parse(total.Cells[4], CultureInfo.InvariantCulture).ShouldBe(Sum(allies, 4));
        foreach (var ally in allies)
            decimal.Parse(ally.Cells[6], CultureInfo.InvariantCulture).ShouldBe(
                Math.Round(
                    decimal.Parse(ally.Cells[4], CultureInfo.InvariantCulture) / decimal.Parse(ally.Cells[5],
                        CultureInfo.InvariantCulture), 10), ally.Cells[1]);
        allies.Select(a => int.Parse(a.Cells[0], CultureInfo.InvariantCulture)).ShouldBe(Enumerable.Range(1, 32));
    }

    [Fact]
    public async Task The_chart_the_page_and_the_workbook_are_written()
    {
        await using var ledger = await DemoLedger.CreateAsync("sqlite");

        foreach (var format in new[] { "svg", "html", "xlsx" })
            (await ledger.RunAsync("report", "burden-sharing", "--year", "2025", "--format", format, "--out",
                $"./report.{format}")).Exit.ShouldBe(0, format);

        var svg = File.ReadAllText(Path.Combine(ledger.Folder, "report.svg"));
        System.Xml.Linq.XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
        svg.Split("fill=\"#1f6fb4\"").Length.ShouldBe(32 + 2); // a bar per ally, and the legend
        svg.ShouldContain("Source: GDP: NATO def-exp 2024 TABLE5");
        svg.ShouldContain("Fair share = baseline");
        var html = File.ReadAllText(Path.Combine(ledger.Folder, "report.html"));
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<svg");
        html.ShouldContain("<td>ALLIES</td>");
        var workbook = XlsxTableFile.Read("report.xlsx",
            File.ReadAllBytes(Path.Combine(ledger.Folder, "report.xlsx"))).Value;
        workbook.Header[0].ShouldBe("rank");
        workbook.Rows.Count(r => r.Cells[3] == "ally" && r.Cells[0].Length > 0).ShouldBe(32);
    }

    [Fact]
    public async Task Contributions_list_their_euro_value_rate_and_why_they_do_not_count()
    {
        await using var ledger = await DemoLedger.CreateAsync("sqlite");

        var run = await ledger.RunAsync("report", "contributions", "--year", "2025");

        run.Exit.ShouldBe(0, run.Error);
        var rows = CsvTableFile.Parse("c.csv", run.Out).Value.Rows.ToDictionary(r => r.Cells[0], r => r.Cells);
        rows["CAP25-BUY-FUEL"][13].ShouldBe("no");
        rows["CAP25-BUY-FUEL"][14].ShouldBe("paid from CAP25-DE, which counts for its payer");
        rows["PL25-AMMO"][14].ShouldBe("reimbursed by EPF25-PL, which counts instead");
        rows["KR25-MEDICAL"][14].ShouldBe("humanitarian aid, not military support");
        rows["AL25-TRAIN"][12].ShouldBe("IMF annual average 2024 via US$ (no ECB rate for ALL)");
        rows["GB25-TRAIN"][12]
            .ShouldBe("ECB reference rate of 2025-05-09"); // the last rate the ledger has on or before 2025-07-01
        rows.Keys.ShouldContain(k => k.StartsWith("pledge:WS24-", StringComparison.Ordinal));
        rows.Keys.ShouldContain(k => k.StartsWith("delivery:D25-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_year_without_a_baseline_or_GDP_is_refused_with_the_reason()
    {
        await using var ledger = await DemoLedger.CreateAsync("sqlite");

        var noBaseline = await ledger.RunAsync("report", "burden-sharing", "--year", "2026");
        var noGdp = await ledger.RunAsync("report", "burden-sharing", "--year", "2025", "--gdp-year", "2030");
        var xlsxToTerminal = await ledger.RunAsync("report", "burden-sharing", "--year", "2025", "--format", "xlsx");

        noBaseline.Exit.ShouldBe(2);
        noBaseline.Error.ShouldContain(
            "--year: baseline: no baseline for 2026; the ledger has baselines for 2024, 2025");
        noGdp.Exit.ShouldBe(2);
        noGdp.Error.ShouldContain("gdp: DE: no GDP for ally DE (Germany) in 2030");
        noGdp.Error.ShouldContain("32 problems; no report for 2025");
        xlsxToTerminal.Exit.ShouldBe(2);
        xlsxToTerminal.Error.ShouldContain("--out: required for --format xlsx");
    }

    [Fact]
    public async Task A_contribution_in_a_currency_with_no_rate_names_the_currency_and_date()
    {
        await using var ledger = await DemoLedger.CreateAsync("sqlite");
        ledger.WriteFile("contributions.csv", """
            id,donor,recipient,value_date,aid_type,category,channel,amount,currency,valuation,source
            PL-UAH-1,PL,UA,2025-03-01,military,equipment,bilateral,1000,UAH,cash,test

            """);
        (await ledger.RunAsync("import", "./contributions.csv", "--allow-removals")).Exit.ShouldBe(0);

        var run = await ledger.RunAsync("report", "burden-sharing", "--year", "2025");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("contribution PL-UAH-1: rate: no rate to value UAH on 2025-03-01");
    }

    [Fact]
    public async Task The_listing_of_contributions_needs_neither_a_baseline_nor_GDP()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv", "code,name,role,currency\nDE,Germany,ally,EUR\nUA,Ukraine,recipient,UAH\n");
        ledger.WriteFile("contributions.csv",
            "id,donor,recipient,value_date,aid_type,category,channel,amount,currency,valuation,source\n"
            + "DE-C1,DE,UA,2025-03-01,military,equipment,bilateral,1000,EUR,cash,test\n");
        (await ledger.RunAsync("import", "./nations.csv", "./contributions.csv")).Exit.ShouldBe(0);

        var listing = await ledger.RunAsync("report", "contributions", "--year", "2025");
        var report = await ledger.RunAsync("report", "burden-sharing", "--year", "2025");

        listing.Exit.ShouldBe(0, listing.Error);
        CsvTableFile.Parse("c.csv", listing.Out).Value.Rows.Single().Cells[10].ShouldBe("1000.00");
        report.Exit.ShouldBe(2); // the report itself still needs them, and says so
        report.Error.ShouldContain("no baseline for 2025");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_fund_of_own_money_counts_whole_and_one_drawn_from_a_pledge_not_again(string database)
    {
        await using var ledger = await DemoLedger.CreateAsync(database);
        const string Header = "id,donor,amount_eur,available,items,recipients,pledge,released\n";

        var listing = await ledger.RunAsync("report", "contributions", "--year", "2025");
        var before = await ledger.RunAsync("report", "burden-sharing", "--year", "2025", "--format", "csv");
        // NO's own PURL money replaced by EUR 1m of its own; NL's PURL fund by EUR 999 bn drawn from its pledge.
        ledger.WriteFile("funds-no.csv", Header + "NO-EXTRA,NO,1000000,2025-09,*,UA,,no\n");
        ledger.WriteFile("funds-nl.csv", Header
            + "NL-CZAMMO-2025,NL,250000000,2025-02,152mm-shell;155mm-shell,UA,,yes\n"
            + "NL-EXTRA,NL,999000000000,2025-09,*,UA,WS24-NL,no\n");
        var no = await ledger.RunAsync("import", "./funds-no.csv", "--donor", "NO", "--allow-removals");
        var nl = await ledger.RunAsync("import", "./funds-nl.csv", "--donor", "NL", "--allow-removals");
        var after = await ledger.RunAsync("report", "burden-sharing", "--year", "2025", "--format", "csv");

        listing.Exit.ShouldBe(0, listing.Error);
        var rows = CsvTableFile.Parse("c.csv", listing.Out).Value.Rows.ToDictionary(r => r.Cells[0], r => r.Cells);
        rows["fund:NO-PURL-2025-1"][10].ShouldBe("143974405.00"); // USD 162m at the ECB rate, whole euros
        rows["fund:NO-PURL-2025-1"][3].ShouldBe("2025-08-01");
        rows["fund:NO-PURL-2025-1"][13].ShouldBe("yes");
        rows.Keys.ShouldNotContain("fund:NL-PURL-2025-1"); // drawn from WS24-NL: its euros count as the pledge's
        rows.Keys.ShouldNotContain("fund:DK-PURL-2025-1");
        no.Exit.ShouldBe(0, no.Error);
        nl.Exit.ShouldBe(0, nl.Error);
        before.Exit.ShouldBe(0, before.Error);
        after.Exit.ShouldBe(0, after.Error);
        static decimal Counted(CliRun run, string nation) => decimal.Parse(
            CsvTableFile.Parse("r.csv", run.Out).Value.Rows.First(r => r.Cells[1] == nation).Cells[4],
            CultureInfo.InvariantCulture);
        (Counted(before, "NO") - Counted(after, "NO")).ShouldBe(143_974_405m - 1_000_000m);
        Counted(after, "NL").ShouldBe(Counted(before, "NL"));
    }
}
