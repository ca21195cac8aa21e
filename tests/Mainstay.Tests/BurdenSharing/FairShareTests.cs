using Mainstay.BurdenSharing;
using Mainstay.Ledger;
using Mainstay.Money;
using Amount = Mainstay.Money.Money;
using Mainstay.Problems;

namespace Mainstay.Tests.BurdenSharing;

/// <summary>The fair-share arithmetic and the double-count rules on a case small enough to work by hand.</summary>
public sealed class FairShareTests
{
    private static readonly Currency Usd = Currency.Find("USD")!;

    // GDP in US$ at 2 US$ per euro (the mean of two ECB days in 2024: 1.9 and 2.1):
    // A 1,200 → EUR 600; B 600 → EUR 300; C 200 → EUR 100; allies EUR 1,000.
    private static readonly Nation[] Nations =
    [
        new("AA", "Aland", NationRole.Ally, Currency.Eur), new("BB", "Bland", NationRole.Ally, Currency.Eur),
        new("CC", "Cland", NationRole.Ally, Currency.Eur), new("PP", "Pland", NationRole.Partner, Currency.Eur),
        new("UA", "Ukraine", NationRole.Recipient, Currency.Eur),
    ];

    private static readonly GdpFigure[] Gdp =
    [
        new("AA", 2024, Dollars(1_200), "test"), new("BB", 2024, Dollars(600), "test"),
        new("CC", 2024, Dollars(200), "test"),
        new("PP", 2024, Dollars(400), "test"),
    ];

    private static readonly ExchangeRate[] Rates = [new("USD", new(2024, 3, 1), 1.9m),
        new("USD", new(2024, 9, 2), 2.1m), new("USD", new(2025, 1, 2), 1.25m)];

    private static Amount Dollars(decimal units) => Amount.FromUnits(units, Usd);

    private static Contribution Give(string id, string donor, string date, decimal eur, AidType aid = AidType.Military,
        string? fundedBy = null, string? reimbursedBy = null, Amount? amount = null) =>
        new(id, donor, "UA", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), aid,
            ContributionCategory.Equipment, Channel.Bilateral,
            amount ?? Amount.FromUnits(eur, Currency.Eur), ValuationBasis.Cash, "test", fundedBy, reimbursedBy);

    private static readonly Contribution[] Contributions =
    [
        Give("A1", "AA", "2025-02-01", 300), Give("A2", "AA", "2025-08-01", 200),
        Give("B1", "BB", "2025-03-01", 150),
        Give("B2", "BB", "2025-04-01", 80, reimbursedBy: "P2"), // paid back by the partner: counts for PP, not BB
        Give("C1", "CC", "2025-05-01", 500, AidType.Humanitarian), // not military support: not counted
        Give("C2", "CC", "2025-10-01", 0, amount: Dollars(75)), // US$ 75 at 1.25 = EUR 60
        Give("P1", "PP", "2025-01-15", 100), // into a fund...
        Give("P1-BUY", "PP", "2025-06-15", 90, fundedBy: "P1"), // ...which buys with it: counted once
        Give("P2", "PP", "2025-07-01", 80),
        Give("A-2024", "AA", "2024-12-31", 999), // another year
    ];

    private static BurdenSharingReport Report(
        ReportPeriod period, IEnumerable<Baseline>? baselines = null, List<Problem>? problems = null)
    {
        problems ??= [];
        var report = BurdenSharingReport.Compute(new BurdenSharingInput(Nations, Gdp, Contributions,
            (baselines ?? [new Baseline(2025, Amount.FromUnits(1_000, Currency.Eur), "test baseline")]).ToArray(),
            new EuroValuation(Rates, []), period, 2024), problems);
        report.IsOk.ShouldBeTrue(string.Join("; ", problems));
        return report.Value;
    }

    [Fact]
    public void Fair_shares_ratios_and_ranks_follow_the_GDP_shares()
    {
        var report = Report(new ReportPeriod(2025));

        report.Allies.Select(
            l => (l.Nation.Code, l.Counted.Units, l.FairShare!.Value.Units, l.Ratio, l.PercentOfGdp, l.Rank)).ShouldBe(
        [
            ("AA", 500m, 600m, 500m / 600m, 500m / 600m * 100, (int?)1),
            ("CC", 60m, 100m, 0.6m, 60m, 2),
            ("BB", 150m, 300m, 0.5m, 50m, 3),
        ]);
        report.Allies.Single(l => l.Nation.Code == "AA").Gdp!.Eur.Units.ShouldBe(600m);
        report.AlliesTotal.Units.ShouldBe(710m);
        report.PartnersTotal.Units.ShouldBe(180m); // P1 100 + P2 80; P1-BUY is P1's money
        report.AlliedShareOfMilitarySupport.ShouldBe(710m / 890m);
        report.Partners.Single().PercentOfGdp.ShouldBe(180m / 200m * 100);
    }

    [Fact]
    public void A_half_year_carries_half_the_baseline_and_its_own_contributions()
    {
        var first = Report(new ReportPeriod(2025, 1));
        var second = Report(new ReportPeriod(2025, 2));

        first.PeriodBaseline.Units.ShouldBe(500m);
        first.Allies.Single(l => l.Nation.Code == "AA").FairShare!.Value.Units.ShouldBe(300m);
        first.Allies.Single(l => l.Nation.Code == "AA").Counted.Units.ShouldBe(300m);
        second.Allies.Single(l => l.Nation.Code == "AA").Counted.Units.ShouldBe(200m);
        second.Allies.Single(l => l.Nation.Code == "CC").Counted.Units.ShouldBe(60m);
        (first.AlliesTotal.Units + second.AlliesTotal.Units).ShouldBe(Report(new ReportPeriod(2025)).AlliesTotal.Units);
    }

    [Fact]
    public void Contributions_not_counted_say_why()
    {
        var report = Report(new ReportPeriod(2025));

        var why = report.Contributions.Where(v => !v.Counted)
            .ToDictionary(v => v.Contribution.Id, v => v.Contribution.NotCountedBecause);
        why.Keys.Order(StringComparer.Ordinal).ShouldBe(["B2", "C1", "P1-BUY"]);
        why["B2"].ShouldBe("reimbursed by P2, which counts instead");
        why["P1-BUY"].ShouldBe("paid from P1, which counts for its payer");
        why["C1"].ShouldBe("humanitarian aid, not military support");
    }

    [Fact]
    public void A_year_without_a_baseline_is_refused_naming_the_year()
    {
        var problems = new List<Problem>();

        var report = BurdenSharingReport.Compute(
            new BurdenSharingInput(Nations, Gdp, Contributions,
            [new Baseline(2024, Amount.FromUnits(5, Currency.Eur), "x")],
            new EuroValuation(Rates, []), new ReportPeriod(2025), 2024), problems);

        report.IsOk.ShouldBeFalse();
        problems.Single().Message.ShouldStartWith("no baseline for 2025; the ledger has baselines for 2024");
    }

    [Fact]
    public void An_ally_without_GDP_in_the_GDP_year_is_named()
    {
        var problems = new List<Problem>();

        BurdenSharingReport.Compute(
            new BurdenSharingInput(Nations, Gdp.Where(g => g.Nation != "BB").ToArray(), Contributions,
            [new Baseline(2025, Amount.FromUnits(1_000, Currency.Eur), "x")], new EuroValuation(Rates, []),
            new ReportPeriod(2025), 2024), problems).IsOk.ShouldBeFalse();

        problems.Single().ToString()
            .ShouldBe("gdp: BB: no GDP for ally BB (Bland) in 2024; import it or choose another --gdp-year");
    }

    [Fact]
    public void A_partner_without_GDP_in_the_GDP_year_is_measured_against_its_latest_earlier_GDP()
    {
        var problems = new List<Problem>();
        GdpFigure[] gdp = [.. Gdp.Where(g => g.Nation != "PP"),
            new("PP", 2023, Amount.FromUnits(360, Currency.Find("USD")!), "test")];
        ExchangeRate[] rates = [.. Rates, new("USD", new(2023, 6, 1), 1.8m)];

        var report =
            BurdenSharingReport.Compute(
                new BurdenSharingInput(Nations, gdp, Contributions,
            [new Baseline(2025, Amount.FromUnits(1_000, Currency.Eur), "x")],
            new EuroValuation(rates, []), new ReportPeriod(2025), 2024), problems).Value;

        var partner = report.Partners.Single();
        partner.PercentOfGdp.ShouldBe(180m / 200m * 100); // US$ 360 at 1.8 = EUR 200
        partner.Notes.ShouldBe(["% of GDP of 2023, the latest before 2024"]);
    }

    [Fact]
    public void A_baseline_given_for_the_report_replaces_the_ledgers()
    {
        var problems = new List<Problem>();

        var report =
            BurdenSharingReport.Compute(
                new BurdenSharingInput(Nations, Gdp, Contributions, [], new EuroValuation(Rates, []),
            new ReportPeriod(2025), 2024,
            Amount.FromUnits(2_000, Currency.Eur)), problems).Value;

        report.Allies.Single(l => l.Nation.Code == "AA").FairShare!.Value.Units.ShouldBe(1_200m);
        report.Rule.ShouldContain("Baseline 2025: EUR 2,000 (set for this report)");
    }

    [Fact]
    public void The_released_report_has_the_same_figures_without_contribution_ids_or_source_texts()
    {
        var lek = Currency.Find("ALL")!;
        var contributions =
            Contributions.Append(Give("C3-SECRET", "CC", "2025-06-01", 0, amount: Amount.FromUnits(9_312, lek))
            with { Source = "desk note: not released" }).ToArray();
        var imf = new AnnualRate[]
        {
            new("ALL", 2025, 93.12m, "IMF"), new("EUR", 2025, 0.924m, "IMF"), new("USD", 2025, 1m, "IMF"),
        };
        var report = BurdenSharingReport.Compute(new BurdenSharingInput(Nations, Gdp, contributions,
            [new Baseline(2025, Amount.FromUnits(1_000, Currency.Eur), "test baseline")],
            new EuroValuation(Rates, imf), new ReportPeriod(2025), 2024), new List<Problem>()).Value;

        var released = report.Released();

        report.Allies.Single(l => l.Nation.Code == "CC").Notes.ShouldContain(
            n => n.StartsWith("C3-SECRET: ", StringComparison.Ordinal));
        report.Sources.ShouldContain(s => s.Contains("desk note: not released", StringComparison.Ordinal));
        released.Allies.Select(l => (l.Nation.Code, l.Counted, l.FairShare, l.Ratio, l.Rank))
            .ShouldBe(report.Allies.Select(l => (l.Nation.Code, l.Counted, l.FairShare, l.Ratio, l.Rank)));
        released.Allies.Single(l => l.Nation.Code == "CC").Notes
            .ShouldBe(
                ["1 contribution(s) valued at IMF annual average rates via US$ (the ECB publishes "
                    + "none for their currency)"]);
        released.Allies.Concat(released.Partners).SelectMany(l => l.Notes)
            .ShouldAllBe(n => !n.Contains("C3-SECRET", StringComparison.Ordinal));
        released.Sources.ShouldAllBe(
            s => !s.Contains("desk note", StringComparison.Ordinal) && !s.Contains("mostly", StringComparison.Ordinal));
        released.Sources.Count.ShouldBe(report.Sources.Count);
        released.Contributions.ShouldBeEmpty();
    }

    [Fact]
    public void Why_a_report_cannot_be_made_is_released_without_naming_contributions_or_deliveries()
    {
        var problems = new List<Problem>();
        var unpriced = Give("SECRET-9", "AA", "2025-03-01", 0, amount: Amount.FromUnits(5, Currency.Find("ALL")!));
        BurdenSharingReport.Compute(new BurdenSharingInput(Nations, Gdp, [.. Contributions, unpriced],
            [new Baseline(2025, Amount.FromUnits(1_000, Currency.Eur), "test baseline")],
            new EuroValuation(Rates, []), new ReportPeriod(2025), 2024), problems).IsOk.ShouldBeFalse();
        problems.Add(new Problem("baseline 2025", "", "stays as it is"));

        var released = BurdenSharingReport.ReleasedProblems(problems);

        problems.ShouldContain(p => p.Where == "contribution SECRET-9" && p.About == LedgerTable.Contributions);
        released.Select(p => p.ToString()).ShouldBe([
            "baseline 2025: stays as it is",
            "burden sharing: 1 contribution(s) or deliveries of the period cannot be valued in euros; "
                + "the coordinators can see which and why",
        ]);
    }
}
