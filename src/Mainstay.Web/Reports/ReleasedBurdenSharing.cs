using Mainstay.Access;
using Mainstay.BurdenSharing;
using Mainstay.Data.BurdenSharing;
using Mainstay.Data.Storage;
using Mainstay.Problems;
using Mainstay.Time;
using Mainstay.Web.Api;

namespace Mainstay.Web.Reports;

/// <summary>
/// The burden-sharing report as the web shows it: per-nation totals are released aggregates, but the
/// report's notes name contributions (by id) and its sources quote their source texts. Those are
/// rows of the contributions table, so only users who may see every contribution (coordinators and
/// auditors) get them; everyone else gets the same figures with the notes counted instead of named.
/// </summary>
public static class ReleasedBurdenSharing
{
    /// <summary>
    /// The report of <paramref name="year"/> (by default the latest year with a baseline, up to this
    /// one: the year the overview shows), or of its <paramref name="half"/>, against the GDP of
    /// <paramref name="gdpYear"/> (by default the year before), as <paramref name="user"/> may see it;
    /// or why it cannot be made.
    /// </summary>
    public static async Task<(BurdenSharingReport? Report, int Year, IReadOnlyList<Problem> Problems)> ComputeAsync(
        LedgerDatabase db, TimeProvider clock, int? year, int? half, int? gdpYear, User? user, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().Year;
        var reportYear = year ?? await BurdenSharingReports.LatestBaselineYearAsync(db, now, cancel) ?? now;
        var problems = new List<Problem>();
        var report = await BurdenSharingReports.ComputeAsync(db, new ReportPeriod(reportYear, half), gdpYear ?? reportYear - 1, null, problems, cancel);
        return report.IsOk
            ? (For(report.Value, user), reportYear, problems)
            : (null, reportYear, AccessPolicy.SeesEverything(user) ? problems : BurdenSharingReport.ReleasedProblems(problems));
    }

    /// <summary>The year, half and GDP year a query asks for (each optional), every malformed one a problem.</summary>
    public static (int? Year, int? Half, int? GdpYear) Query(IQueryCollection query, List<Problem> problems) =>
        (QueryNumbers.Optional(query, "year", YearMonth.MinYear, YearMonth.MaxYear, problems),
            QueryNumbers.Optional(query, "half", 1, 2, problems),
            QueryNumbers.Optional(query, "gdpYear", YearMonth.MinYear, YearMonth.MaxYear, problems));

    /// <summary>The report as <paramref name="user"/> may see it: whole for coordinators and auditors, else released.</summary>
    public static BurdenSharingReport For(BurdenSharingReport report, User? user) =>
        AccessPolicy.SeesEverything(user) ? report : report.Released();
}
