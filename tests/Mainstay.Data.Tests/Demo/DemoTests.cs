using Mainstay.Data.Demo;
using Mainstay.Data.Storage;
using Mainstay.Ledger;
using Mainstay.Reports;

namespace Mainstay.Data.Tests.Demo;

public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_builds_a_realistic_ledger_and_summarises_it()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");

        var run = await ledger.RunAsync("demo", "--db", "./demo.db");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("32 allies, 13 partner donors, recipients GE, MD, UA; 8 capability coalitions");
        await using var db =
            (await LedgerDatabase.OpenAsync(DatabaseTarget.Parse(Path.Combine(ledger.Folder, "demo.db")).Value,
                ledger.Clock)).Value;
        var snapshot = await LedgerReader.LoadAsync(db);
        snapshot.Nations.Count(n => n.Role == NationRole.Ally).ShouldBe(32);
        snapshot.Requirements.Count.ShouldBeGreaterThanOrEqualTo(300);
        snapshot.Offers.Count.ShouldBeGreaterThanOrEqualTo(300);
        snapshot.Offers.Select(o => o.Item).Distinct().Count().ShouldBe(DemoCatalogueSize());
        snapshot.Requirements.Select(r => r.Recipient).Distinct().Order().ShouldBe(["GE", "MD", "UA"]);
        snapshot.Offers.ShouldContain(
            o => !o.Recipients.Allows("UA") && o.Conditions.Contains("within NATO territory"));
        snapshot.Pledges.Where(p => p.Kind == PledgeKind.MultiYear).Select(p => p.Donor).Distinct().Count()
            .ShouldBe(32);
        snapshot.Pledges.ShouldContain(p => p.Donor == "GB" && p.Tranches[0].Amount.Currency.Code == "GBP");
    }

    [Fact]
    public async Task The_allies_pledges_share_the_40_billion_baseline_by_GDP()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        (await ledger.RunAsync("demo", "--db", "./demo.db")).Exit.ShouldBe(0);
        await using var db =
            (await LedgerDatabase.OpenAsync(DatabaseTarget.Parse(Path.Combine(ledger.Folder, "demo.db")).Value,
                ledger.Clock)).Value;
        var snapshot = await LedgerReader.LoadAsync(db);

        // Valued at the summit-date rate, as the pledges were computed, the yearly total is the
        // baseline up to the rounding of each ally's pledge to a million in its currency.
        var converter = new Mainstay.Money.EuroConverter(snapshot.Rates);
        var total2027 = snapshot.Pledges.Where(p => p.Kind == PledgeKind.MultiYear)
            .Sum(p =>
                converter.ToEur(p.Tranches.Single(t => t.Year == 2027).Amount,
                    DemoScenario.WashingtonSummit).Value.Eur.Units);
        total2027.ShouldBeInRange(39_950_000_000m, 40_050_000_000m);
        var overview = LedgerOverview.Compute(snapshot);
        overview.LargestDonors[0].Donor.ShouldBe("US");
    }

    [Fact]
    public async Task The_demo_is_deterministic()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        (await ledger.RunAsync("demo", "--db", "./a.db")).Exit.ShouldBe(0);
        (await ledger.RunAsync("demo", "--db", "./b.db")).Exit.ShouldBe(0);
        (await ledger.RunAsync("export", "--out", "./a", "--db", "./a.db")).Exit.ShouldBe(0);
        (await ledger.RunAsync("export", "--out", "./b", "--db", "./b.db")).Exit.ShouldBe(0);

        foreach (var file in Directory.GetFiles(Path.Combine(ledger.Folder, "a")))
            File.ReadAllBytes(Path.Combine(ledger.Folder, "b", Path.GetFileName(file)))
                .ShouldBe(File.ReadAllBytes(file), Path.GetFileName(file));
    }

    [Fact]
    public async Task The_demo_will_not_overwrite_a_file_it_was_not_told_to()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        var precious = ledger.WriteFile("precious.db", "keep me");

        var run = await ledger.RunAsync("demo", "--db", precious);

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("exists; the demo builds a fresh ledger and would replace it. Pass --force");
        File.ReadAllText(precious).ShouldBe("keep me");
    }

    private static int DemoCatalogueSize() => 36;
}
