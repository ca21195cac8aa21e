using Mainstay.BurdenSharing;
using Mainstay.Data.BurdenSharing;
using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;
using Mainstay.Ledger;
using Mainstay.Money;
using Mainstay.Planning;
using Mainstay.Time;

namespace Mainstay.Web.Overview;

/// <summary>Pledged euros at one stage of the pledge lifecycle, in whole euros and cents (a sum of cents, exact).</summary>
public sealed record PledgeStage(string Stage, decimal EurUnits);

/// <summary>Coverage of requirements of one capability area and priority by the optimal plan.</summary>
public sealed record AreaCoverage(string Capability, int Priority, long Needed, long Planned, long OnTime);

/// <summary>
/// A released purchase fund's total, which everyone (the public included) may see: whose money, how many
/// euros, from which month. What it is earmarked for and which pledge it draws on stay with those who may read
/// the fund.
/// </summary>
public sealed record ReleasedFund(string Id, string Donor, long AmountEur, YearMonth Available);

/// <summary>Everything the overview dashboard shows: released aggregates, which every role (and the public) may see, and the largest gaps, which the page shows each user only as far as they may see the requirements.</summary>
public sealed record OverviewData(
    IReadOnlyList<PledgeStage> Pledges,
    IReadOnlyList<AreaCoverage> Coverage,
    IReadOnlyList<ForecastMonth> Forecast,
    IReadOnlyList<Coverage> LargestGaps,
    BurdenSharingReport? BurdenSharing,
    string? BurdenSharingMissing,
    CurrentPlan Plan,
    IReadOnlyList<ReleasedFund> Funds)
{
    /// <summary>
    /// The overview of the ledger's <paramref name="snapshot"/>, its coverage from
    /// <paramref name="current"/>, the current plan of the same rows (the overview never solves a plan).
    /// </summary>
    public static async Task<OverviewData> LoadAsync(
        LedgerDatabase db, LedgerSnapshot snapshot, CurrentPlan current, TimeProvider clock, CancellationToken cancel)
    {
        var converter = new EuroConverter(snapshot.Rates);
        var pledges = snapshot.Pledges.SelectMany(p => p.Tranches)
            .Select(t => (t.Status, Eur: converter.ToEur(t.Amount, t.ValueDate)))
            .Where(v => v.Eur.IsOk)
            .GroupBy(v => v.Status).OrderBy(g => g.Key)
            .Select(g => new PledgeStage(g.Key.ToString().ToLowerInvariant(), g.Sum(v => v.Eur.Value.Eur.Units)))
            .ToArray();

        var plan = current.Plan;
        var capability = snapshot.Items.ToDictionary(i => i.Id, i => i.Capability.Code(), StringComparer.Ordinal);
        var coverage = plan.Coverage
            .GroupBy(
                c => (Capability: capability.GetValueOrDefault(c.Requirement.Item, CoverageForecast.Unclassified),
                    c.Requirement.Priority))
            .OrderBy(g => g.Key.Capability, StringComparer.Ordinal).ThenBy(g => g.Key.Priority)
            .Select(g =>
                new AreaCoverage(g.Key.Capability, g.Key.Priority, g.Sum(c => c.Requirement.Quantity),
                    g.Sum(c => c.Allocated), g.Sum(c => c.OnTime)))
            .ToArray();
        var gaps = plan.Coverage.Where(c => c.Uncovered > 0)
            .OrderByDescending(c => Benefit.Weight(c.Requirement.Priority) * c.Uncovered)
            .ThenBy(c => c.Requirement.Id, StringComparer.Ordinal)
            .ToArray(); // all of them: the page shows each user the ten largest among those they may see

        var reportYear = await BurdenSharingReports.LatestBaselineYearAsync(db, clock.GetUtcNow().Year, cancel);
        BurdenSharingReport? burden = null;
        string? missing = reportYear is null
            ? "no baseline for this year or before: import baselines to see burden sharing" : null;
        if (reportYear is { } y)
        {
            var problems = new List<Mainstay.Problems.Problem>();
            var report = await BurdenSharingReports.ComputeAsync(db, new ReportPeriod(y), y - 1, null, problems,
                cancel);
            if (report.IsOk)
                burden = report.Value;
            else
                missing =
                    $"burden sharing {y}: {BurdenSharingReport.ReleasedProblems(problems)[0]}"; // the public sees it
        }
        var funds = (await LedgerReader.LoadAsync(db, LedgerKinds.Funds, cancel, where: ("released", "yes")))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => new ReleasedFund(f.Id, f.Donor, f.AmountEur, f.Available)).ToArray();
        return new OverviewData(
            pledges, coverage, CoverageForecast.Compute(plan, snapshot.Items), gaps, burden, missing, current, funds);
    }
}
