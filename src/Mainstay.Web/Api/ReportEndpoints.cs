using Mainstay.BurdenSharing;
using Mainstay.Web.Hosting;
using Mainstay.Web.Reports;

namespace Mainstay.Web.Api;

/// <summary>
/// <c>/api/v1/reports</c>: the released aggregates, for everyone (the public included): the overview
/// (pledges by stage, coverage by capability area and priority, the month-by-month forecast) and
/// burden sharing. Amounts are in euros.
/// </summary>
public static class ReportEndpoints
{
    public static void MapReportApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports");
        reports.MapGetAndHead("/overview", OverviewAsync).WithSummary("Pledges by stage, coverage by capability area and priority, and the coverage forecast");
        reports.MapGetAndHead("/burden-sharing", BurdenSharingAsync)
            .WithSummary("Each ally's contributions against its fair share of the baseline")
            .WithDescription("Query: year (default: the latest with a baseline), half (1 or 2), gdpYear (default: the year before).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> OverviewAsync(HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var db = await ledger.ForRequestAsync(http);
        if (db is null)
            return ApiProblems.Unavailable();
        var data = await ledger.OverviewAsync(db, cancel);
        return Results.Json(new
        {
            asOf = new { auditSeq = data.Plan.AuditSeq, planMadeAt = data.Plan.MadeAt },
            pledgesEur = data.Pledges.Select(p => new { stage = p.Stage, eur = p.EurUnits }),
            coverage = data.Coverage.Select(c => new { capability = c.Capability, priority = c.Priority, needed = c.Needed, planned = c.Planned, onTime = c.OnTime }),
            forecast = data.Forecast.Where(f => f.Item is null), // per capability area; a single item type's series could name one requirement
        });
    }

    private static async Task<IResult> BurdenSharingAsync(HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var problems = new List<Mainstay.Problems.Problem>();
        var query = http.Request.Query;
        foreach (var name in query.Keys.Where(k => k is not ("year" or "half" or "gdpYear")))
            problems.Add(new("query", name, "unknown; use year, half, gdpYear"));
        var (year, half, gdpYear) = ReleasedBurdenSharing.Query(query, problems);
        if (problems.Count > 0)
            return ApiProblems.BadRequest("the query is not valid", problems);
        var db = await ledger.ForRequestAsync(http);
        if (db is null)
            return ApiProblems.Unavailable();
        var (report, reportYear, why) = await ReleasedBurdenSharing.ComputeAsync(db, ledger.Clock, year, half, gdpYear, ApiAuthentication.UserOf(http), cancel);
        if (report is null)
            return ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "Unprocessable content", $"no burden-sharing report for {reportYear}", why);
        object Line(DonorLine line) => new
        {
            rank = line.Rank, nation = line.Nation.Code, name = line.Nation.Name, countedEur = line.Counted.Units, fairShareEur = line.FairShare?.Units,
            ratio = line.Ratio, percentOfGdp = line.PercentOfGdp, notes = line.Notes,
        };
        return Results.Json(new
        {
            period = report.Period.ToString(), gdpYear = report.GdpYear, baselineEur = report.PeriodBaseline.Units, rule = report.Rule,
            allies = report.Allies.Select(Line), partners = report.Partners.Select(Line),
            alliesTotalEur = report.AlliesTotal.Units, partnersTotalEur = report.PartnersTotal.Units, othersTotalEur = report.OthersTotal.Units,
            alliedShareOfMilitarySupport = report.AlliedShareOfMilitarySupport,
            byCategory = report.ByCategory.Select(c => new { category = Codes.Of(c.Category), countedEur = c.Counted.Units }),
            sources = report.Sources,
        });
    }
}
