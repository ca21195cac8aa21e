using Mainstay.Access;
using Mainstay.BurdenSharing;
using Mainstay.Data.Storage;
using Mainstay.Problems;

namespace Mainstay.Data.BurdenSharing;

/// <summary>
/// A user asks for the burden-sharing report of a year or a half-year: each ally's fair share of the
/// baseline by its share of the Alliance's GDP, against what it contributed, valued in euros. The
/// per-nation totals are released aggregates; the notes name contributions and quote their sources,
/// so only those who may see every contribution (coordinators, auditors, the ledger's operator) get
/// them, and everyone else the same figures with the notes counted (also when no report can be made).
/// The command line, the Burden sharing page and the reports API call this.
/// </summary>
public static class ReportBurdenSharing
{
    /// <param name="Year">Null: the latest year with a baseline, up to this one (the year the overview shows).</param>
    /// <param name="Half">1 or 2 for a half-year; null for the whole year.</param>
    /// <param name="GdpYear">Null: the year before the report's.</param>
    /// <param name="Baseline">Null: the ledger's baseline of the year.</param>
    public sealed record Request(int? Year, int? Half, int? GdpYear, Money.Money? Baseline = null);

    /// <summary>The report as the user may read it, or the problems that stop it, for <paramref name="Period"/>.</summary>
    public sealed record Outcome(BurdenSharingReport? Report, ReportPeriod Period, IReadOnlyList<Problem> Problems);

    public static async Task<Outcome> HandleAsync(
        LedgerDatabase db, Request request, User? user, TimeProvider clock, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().Year;
        var year = request.Year ?? await BurdenSharingReports.LatestBaselineYearAsync(db, now, cancel) ?? now;
        var period = new ReportPeriod(year, request.Half);
        var problems = new List<Problem>();
        var report = await BurdenSharingReports.ComputeAsync(
            db, period, request.GdpYear ?? year - 1, request.Baseline, problems, cancel);
        var whole = AccessPolicy.SeesEverything(user);
        return report.IsOk
            ? new Outcome(whole ? report.Value : report.Value.Released(), period, problems)
            : new Outcome(null, period, whole ? problems : BurdenSharingReport.ReleasedProblems(problems));
    }
}
