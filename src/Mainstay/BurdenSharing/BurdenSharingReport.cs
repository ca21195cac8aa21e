using Mainstay.Ledger;
using Mainstay.Money;
using Mainstay.Problems;

namespace Mainstay.BurdenSharing;

/// <summary>A contribution of the period valued in euros, and whether it counts.</summary>
public sealed record ValuedContribution(Contribution Contribution, EuroValue Value)
{
    public bool Counted => Contribution.NotCountedBecause is null;
}

/// <summary>One donor's line: what it contributed in the period against its fair share (allies only).</summary>
/// <param name="Notes">Every note of the line, those of <see cref="ContributionNotes"/> first.</param>
public sealed record DonorLine(
    Nation Nation, Money.Money Counted, Money.Money? FairShare, decimal? Ratio, decimal? PercentOfGdp, int? Rank,
    EuroValue? Gdp,
    IReadOnlyList<string> Notes)
{
    /// <summary>The notes that name one of the donor's contributions (by id): rows not everyone may see.</summary>
    public IReadOnlyList<string> ContributionNotes { get; init; } = [];
}

/// <summary>The inputs of a burden-sharing report: the ledger's facts and the rule's choices.</summary>
public sealed record BurdenSharingInput(
    IReadOnlyList<Nation> Nations,
    IReadOnlyList<GdpFigure> Gdp,
    IReadOnlyList<Contribution> Contributions,
    IReadOnlyList<Baseline> Baselines,
    EuroValuation Valuation,
    ReportPeriod Period,
    int GdpYear,
    Money.Money? BaselineOverride = null);

/// <summary>
/// Burden sharing by the rule Mainstay states on every report: the allies share a yearly baseline B
/// (half of it for a half-year) in proportion to their GDP in the chosen GDP year, each GDP
/// converted to euros at that year's average rate; an ally's fair share is B × its GDP ÷ the allies'
/// combined GDP. Its contributions counted are its military support (non-lethal included, through
/// any channel) valued on their value dates in the period, leaving out what a fund bought with
/// money already counted for its payer and what another contribution reimbursed.
/// </summary>
public sealed record BurdenSharingReport(
    ReportPeriod Period,
    int GdpYear,
    Baseline Baseline,
    Money.Money PeriodBaseline,
    IReadOnlyList<DonorLine> Allies,
    IReadOnlyList<DonorLine> Partners,
    Money.Money AlliesTotal,
    Money.Money PartnersTotal,
    Money.Money OthersTotal,
    decimal? AlliedShareOfMilitarySupport,
    IReadOnlyList<(ContributionCategory Category, Money.Money Counted)> ByCategory,
    IReadOnlyList<ValuedContribution> Contributions,
    IReadOnlyList<string> Sources)
{
    /// <summary>Where a problem with one contribution (or a delivery valued as one) is said to be.</summary>
    public const string ContributionWhere = "contribution ";

    /// <summary>Where a problem with one delivery is said to be.</summary>
    public const string DeliveryWhere = "delivery ";

    /// <summary>
    /// Why a report cannot be made, as anyone may read it: problems with single contributions or
    /// deliveries (which name them, their amounts and dates) are counted, not shown.
    /// </summary>
    public static IReadOnlyList<Problem> ReleasedProblems(IReadOnlyList<Problem> problems)
    {
        static bool NamesARow(Problem p) => p.About is not null;
        var named = problems.Count(NamesARow);
        return named == 0 ? problems : [.. problems.Where(p => !NamesARow(p)),
            new Problem("burden sharing", "", $"{named} contribution(s) or deliveries of the period cannot be valued "
                + "in euros; the coordinators can see which and why")];
    }

    /// <summary><see cref="Sources"/> without the source texts of recorded contributions.</summary>
    public IReadOnlyList<string> ReleasedSources { get; init; } = [];

    /// <summary>
    /// The report as anyone may read it: the same figures, without the contributions themselves,
    /// their ids (notes that name one are counted instead) or their source texts.
    /// </summary>
    public BurdenSharingReport Released()
    {
        static DonorLine Released(DonorLine line) => line.ContributionNotes.Count == 0 ? line : line with
        {
            Notes = [.. line.Notes.Skip(line.ContributionNotes.Count),
                $"{line.ContributionNotes.Count} contribution(s) valued at IMF annual average rates via US$ "
                + "(the ECB publishes none for their currency)"],
            ContributionNotes = [],
        };
        return this with
        {
            Allies = [.. Allies.Select(Released)],
            Partners = [.. Partners.Select(Released)],
            Sources = ReleasedSources,
            Contributions = [],
        };
    }

    public string Rule =>
        "Fair share = baseline × the ally's share of the allies' combined GDP. "
            + $"Baseline {Baseline.Year}: {Eur(Baseline.Amount)} ({Baseline.Source})"
        + (Period.Half is null ? "" : $", half of it for {Period}")
        + $". GDP of {GdpYear}, converted to euros at the mean of the ECB's daily rates of "
            + $"{GdpYear} (IMF annual average via US$ where the ECB publishes none)."
        + " Counted: military support including non-lethal aid, through NATO, bilaterally, "
            + "multilaterally or otherwise, valued in euros at the ECB reference rate of its value date;"
        + " a fund's purchases paid from a counted contribution and reimbursed contributions are not counted again;"
        + " a purchase fund drawn from a pledge counts as the pledge's disbursed years, one of the donor's own money"
            + " whole in the month it is available, spent or not.";

    public static string Eur(Money.Money amount) => $"EUR {amount.Units:N0}";

    public static Result<BurdenSharingReport> Compute(BurdenSharingInput input, ICollection<Problem> problems)
    {
        var period = input.Period;
        var baseline = input.BaselineOverride is { } amount
            ? new Baseline(period.Year, amount, "set for this report")
            : input.Baselines.FirstOrDefault(b => b.Year == period.Year);
        if (baseline is null)
        {
            problems.Add(new Problem("--year", "baseline", $"no baseline for {period.Year}; the ledger has baselines "
                + $"for {YearsOf(input.Baselines.Select(b => b.Year))}: import a "
                + $"baselines file with a row for {period.Year} or pass --baseline"));
            return Fail(problems);
        }

        var nations = input.Nations.ToDictionary(n => n.Code, StringComparer.Ordinal);
        var gdpByNation = input.Gdp.Where(
            g => g.Year == input.GdpYear).ToDictionary(g => g.Nation, StringComparer.Ordinal);
        var gdpEur = new Dictionary<string, EuroValue>(StringComparer.Ordinal);
        foreach (var nation in input.Nations.Where(n => n.Role != NationRole.Recipient))
        {
            // An ally's fair share needs the GDP of the year chosen; a partner's % of GDP may use its latest earlier
            // figure.
            var figure = gdpByNation.GetValueOrDefault(nation.Code)
                ?? (
                    nation.Role == NationRole.Partner
                        ? input.Gdp.Where(g => g.Nation == nation.Code && g.Year < input.GdpYear).MaxBy(g => g.Year)
                        : null);
            if (figure is null)
            {
                if (nation.Role == NationRole.Ally)
                    problems.Add(new Problem("gdp", nation.Code, $"no GDP for ally {nation.Code} ({nation.Name}) in "
                        + $"{input.GdpYear}; import it or choose another --gdp-year"));
                continue;
            }
            var value = input.Valuation.YearToEur(figure.Amount, figure.Year);
            if (value.IsOk)
                gdpEur[nation.Code] = value.Value;
            else if (nation.Role == NationRole.Ally)
                problems.Add(value.Problem with { Where = $"gdp {nation.Code} {input.GdpYear}" });
        }

        var valued = ValueInEuros(input.Contributions, input.Valuation, period, problems);
        if (problems.Count > 0)
            return Fail(problems);

        var counted = valued.Where(v => v.Counted).ToArray();
        // Every total below is part of this one: once it fits in Money, none of them overflows.
        if (counted.Aggregate(Int128.Zero, (sum, v) => sum + Int128.Abs(v.Value.Eur.Minor)) > long.MaxValue)
        {
            problems.Add(
                new Problem(
                    "--year", "contributions", $"the contributions counted in {period} add up to more euros than "
                + "Mainstay can count (92,233,720,368,547,758.07): is an amount or a "
                    + "rate wrong? `mainstay report contributions` lists them"));
            return Fail(problems);
        }
        if (input.Nations.FirstOrDefault(n => n.Role == NationRole.Ally && gdpEur[n.Code].Eur.Minor == 0) is { } zero)
        {
            // A share of it, and contributions as a % of it, would divide by zero.
            problems.Add(
                new Problem(
                    $"gdp {zero.Code} {input.GdpYear}", "amount",
                    $"the GDP of {zero.Code} comes to 0.00 EUR: is the amount or its currency wrong?"));
            return Fail(problems);
        }
        var byDonor = counted.GroupBy(v => v.Contribution.Donor, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(v => v.Value.Eur.Minor), StringComparer.Ordinal);
        var imfNotes = valued.Where(v => v.Value.ByImf)
            .GroupBy(v => v.Contribution.Donor, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key, g => g.Select(v => $"{v.Contribution.Id}: {v.Value.RateBasis}").ToArray(),
                StringComparer.Ordinal);

        var periodBaseline = Money.Money.FromUnits(baseline.Amount.Units * period.ShareOfYear, Currency.Eur);
        var allies = input.Nations.Where(n => n.Role == NationRole.Ally).ToArray();
        var alliedGdp = allies.Sum(a => gdpEur[a.Code].Eur.Units);
        var allyLines = allies.Select(a =>
            {
                var mine = Money.Money.FromMinor(byDonor.GetValueOrDefault(a.Code));
                var gdp = gdpEur[a.Code];
                var fair = Money.Money.FromUnits(Share(periodBaseline.Units, gdp.Eur.Units, alliedGdp), Currency.Eur);
                return new DonorLine(a, mine, fair, fair.Minor == 0 ? null : (decimal)mine.Minor / fair.Minor,
                    100m * mine.Units / gdp.Eur.Units, null, gdp, Notes(a.Code, gdp))
                { ContributionNotes = imfNotes.GetValueOrDefault(a.Code) ?? [] };
            })
            .OrderByDescending(l => l.Ratio).ThenBy(l => l.Nation.Code, StringComparer.Ordinal)
            .Select((l, i) => l with { Rank = i + 1 })
            .ToArray();
        var partnerLines = input.Nations.Where(n => n.Role == NationRole.Partner && byDonor.ContainsKey(n.Code))
            .Select(p =>
            {
                var mine = Money.Money.FromMinor(byDonor[p.Code]);
                var gdp = gdpEur.GetValueOrDefault(p.Code);
                var notes = Notes(p.Code, gdp).ToList();
                if (gdp is null)
                    notes.Add($"no GDP for {input.GdpYear} or before: % of GDP not shown");
                else if (gdp.RateDate.Year != input.GdpYear)
                    notes.Add($"% of GDP of {gdp.RateDate.Year}, the latest before {input.GdpYear}");
                return new DonorLine(p, mine, null, null,
                    gdp is null || gdp.Eur.Minor == 0 ? null : 100m * mine.Units / gdp.Eur.Units, null, gdp, notes)
                { ContributionNotes = imfNotes.GetValueOrDefault(p.Code) ?? [] };
            })
            .OrderByDescending(l => l.Counted.Minor).ThenBy(l => l.Nation.Code, StringComparer.Ordinal)
            .ToArray();

        long Total(
            Func<Contribution, bool> which) => counted.Where(v => which(v.Contribution)).Sum(v => v.Value.Eur.Minor);
        var alliesTotal = Total(c => nations.GetValueOrDefault(c.Donor)?.Role == NationRole.Ally);
        var partnersTotal = Total(c => nations.GetValueOrDefault(c.Donor)?.Role == NationRole.Partner);
        var all = Total(_ => true);
        var byCategory = counted.GroupBy(v => v.Contribution.Category).OrderBy(g => g.Key)
            .Select(g => (g.Key, Money.Money.FromMinor(g.Sum(v => v.Value.Eur.Minor)))).ToArray();
        return Result<BurdenSharingReport>.Ok(
            new BurdenSharingReport(period, input.GdpYear, baseline, periodBaseline, allyLines, partnerLines,
            Money.Money.FromMinor(alliesTotal), Money.Money.FromMinor(partnersTotal),
            Money.Money.FromMinor(all - alliesTotal - partnersTotal),
            all == 0 ? null : (decimal)alliesTotal / all, byCategory, valued,
            SourcesOf(allies.Select(a => gdpByNation[a.Code]), valued, named: true))
        {
            ReleasedSources = SourcesOf(allies.Select(a => gdpByNation[a.Code]), valued, named: false),
        });

        List<string> Notes(string code, EuroValue? gdp)
        {
            var notes = new List<string>(imfNotes.GetValueOrDefault(code) ?? []);
            if (gdp?.ByImf == true)
                notes.Add($"GDP: {gdp.RateBasis}");
            return notes;
        }
    }

    /// <summary>
    /// <paramref name="whole"/> × <paramref name="part"/> ÷ <paramref name="all"/>, the share taken first when the
    /// product would overflow.
    /// </summary>
    private static decimal Share(decimal whole, decimal part, decimal all)
    {
        try
        {
            return whole * part / all;
        }
        catch (OverflowException)
        {
            return whole * (part / all);
        }
    }

    /// <summary>
    /// The contributions of <paramref name="period"/>, by id, each valued in euros on its value date
    /// (a problem for each that cannot be): what the report counts, and the plain listing of them.
    /// </summary>
    public static IReadOnlyList<ValuedContribution> ValueInEuros(
        IEnumerable<Contribution> contributions, EuroValuation valuation, ReportPeriod period,
        ICollection<Problem> problems)
    {
        var valued = new List<ValuedContribution>();
        foreach (var contribution in contributions.Where(c => period.Contains(c.ValueDate)).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var value = valuation.ToEur(contribution.Amount, contribution.ValueDate);
            if (value.IsOk)
                valued.Add(new ValuedContribution(contribution, value.Value));
            else
                problems.Add(value.Problem with
                {
                    Where = ContributionWhere + contribution.Id,
                    About = contribution.Origin switch
                    {
                        ContributionOrigin.Delivery => LedgerTable.Deliveries,
                        ContributionOrigin.DisbursedPledge => LedgerTable.Pledges,
                        ContributionOrigin.Fund => LedgerTable.Funds,
                        _ => LedgerTable.Contributions,
                    },
                });
        }
        return valued;
    }

    /// <summary>
    /// Where the report's figures come from, in words for its footer; <paramref name="named"/>: with
    /// the commonest source texts of recorded contributions, which not everyone may read.
    /// </summary>
    private static IReadOnlyList<string> SourcesOf(
        IEnumerable<GdpFigure> gdp, IReadOnlyList<ValuedContribution> valued, bool named)
    {
        var sources = new List<string>
        {
            "GDP: "
                + $"{string.Join("; ", gdp.Select(g => g.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}",
        };
        sources.Add(valued.Any(v => v.Value.ByImf)
            ? "Exchange rates: ECB euro foreign exchange reference rates; IMF "
                + "annual average rates per US$ where the ECB publishes none"
            : "Exchange rates: ECB euro foreign exchange reference rates");
        var pledged = valued.Count(v => v.Contribution.Origin == ContributionOrigin.DisbursedPledge);
        var delivered = valued.Count(v => v.Contribution.Origin == ContributionOrigin.Delivery);
        var funds = valued.Count(v => v.Contribution.Origin == ContributionOrigin.Fund);
        var top = !named ? [] : valued.Where(v => v.Contribution.Origin == ContributionOrigin.Recorded)
            .GroupBy(v => v.Contribution.Source, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3)
            .Select(g => g.Key).ToArray();
        sources.Add(
            $"Contributions: {valued.Count:N0} in the period: {valued.Count - pledged - delivered - funds:N0} recorded"
            + (top.Length == 0 ? "" : $" (mostly {string.Join("; ", top)})")
            + $", {pledged:N0} disbursed pledge years, {delivered:N0} deliveries at reference values"
            + (funds == 0 ? "" : $", {funds:N0} purchase funds of donors' own money"));
        return sources;
    }

    private static Result<BurdenSharingReport> Fail(ICollection<Problem> problems) => problems.First();

    private static string YearsOf(IEnumerable<int> years)
    {
        var list = years.Order().ToArray();
        return list.Length == 0 ? "no year" : string.Join(", ", list);
    }
}
