using Mainstay.Data.BurdenSharing;
using Mainstay.BurdenSharing;
using Mainstay.Web.Api.Responses;
using Mainstay.Web.Hosting;
using S = Microsoft.AspNetCore.Http.StatusCodes;
using Mainstay.Web.Reports;

namespace Mainstay.Web.Api;

/// <summary>
/// <c>/api/v1/reports</c>: the released aggregates, for everyone (the public included): the overview
/// (pledges by stage, coverage by capability area and priority, the month-by-month forecast, released
/// purchase funds' totals) and
/// burden sharing. Amounts are in euros.
/// </summary>
public static class ReportEndpoints
{
    public static void MapReportApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports");
        reports.MapGetAndHead("/overview", OverviewAsync)
            .WithSummary("Pledges by stage, coverage by capability area and priority, and the coverage forecast")
            .Produces<OverviewReport>().ProducesProblems(Unavailable);
        reports.MapGetAndHead("/burden-sharing", BurdenSharingAsync)
            .WithSummary("Each ally's contributions against its fair share of the baseline")
            .WithDescription(
                "Query: year (default: the latest with a baseline), half (1 or 2), gdpYear (default: the year before).")
            .Produces<BurdenSharingAccount>()
            .ProducesProblems(S.Status400BadRequest, S.Status422UnprocessableEntity, Unavailable);
    }

    private const int Unavailable = S.Status503ServiceUnavailable;

    private static async Task<IResult> OverviewAsync(
        HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var db = await ledger.ForRequestAsync(http);
        if (db is null)
            return ApiProblems.Unavailable();
        var data = await ledger.OverviewAsync(db, cancel);
        return TypedResults.Ok(new OverviewReport(
            new OverviewAsOf(data.Plan.AuditSeq, data.Plan.MadeAt),
            [.. data.Pledges.Select(p => new PledgedAtStage(p.Stage, p.EurUnits))],
            [.. data.Coverage.Select(c =>
                new AreaCoverageLine(c.Capability, c.Priority, c.Needed, c.Planned, c.OnTime))],
            // per capability area; a single item type's series could name one requirement
            [.. data.Forecast.Where(f => f.Item is null).Select(f => new ForecastPoint(
                f.Capability, f.Item, f.Month.ToString(), f.Needed, f.Planned, f.OnTime, f.Gap))],
            [.. data.Funds.Select(f => new ReleasedFundTotal(f.Id, f.Donor, f.AmountEur, f.Available.ToString()))]));
    }

    private static async Task<IResult> BurdenSharingAsync(
        HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var problems = new List<Mainstay.Problems.Problem>();
        var query = http.Request.Query;
        foreach (var name in query.Keys.Where(k => k is not ("year" or "half" or "gdpYear")))
            problems.Add(new("query", name, "unknown; use year, half, gdpYear"));
        var request = BurdenSharingQuery.Parse(query, problems);
        if (problems.Count > 0)
            return ApiProblems.BadRequest("the query is not valid", problems);
        var db = await ledger.ForRequestAsync(http);
        if (db is null)
            return ApiProblems.Unavailable();
        var outcome = await ReportBurdenSharing.HandleAsync(
            db, request, Authentication.UserOf(http), ledger.Clock, cancel);
        if (outcome.Report is not { } report)
            return ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "Unprocessable content",
                $"no burden-sharing report for {outcome.Period.Year}", outcome.Problems);
        static DonorShare Line(DonorLine line) => new(
            line.Rank, line.Nation.Code, line.Nation.Name, line.Counted.Units, line.FairShare?.Units,
            line.Ratio, line.PercentOfGdp, line.Notes);
        return TypedResults.Ok(new BurdenSharingAccount(
            report.Period.ToString(), report.GdpYear, report.PeriodBaseline.Units, report.Rule,
            [.. report.Allies.Select(Line)], [.. report.Partners.Select(Line)],
            report.AlliesTotal.Units, report.PartnersTotal.Units, report.OthersTotal.Units,
            report.AlliedShareOfMilitarySupport,
            [.. report.ByCategory.Select(c => new CategoryTotal(Codes.Of(c.Category), c.Counted.Units))],
            report.Sources));
    }
}
