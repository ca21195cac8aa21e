using Mainstay.Data.Ledger.Rows;
using Mainstay.Data.Procurement;
using Mainstay.Planning;
using Mainstay.Web.Api.Responses;
using Mainstay.Web.Hosting;
using S = Microsoft.AspNetCore.Http.StatusCodes;

namespace Mainstay.Web.Api;

/// <summary>
/// What the current plan buys with the purchase funds: <c>/api/v1/purchases</c> (its purchases, as far as the
/// caller may see them) and <c>/api/v1/reports/funds</c> (per fund: spent, left, what it buys and could buy
/// next; released funds' totals for everyone). Amounts are whole euros.
/// </summary>
public static class ProcurementEndpoints
{
    public static void MapProcurementApi(this IEndpointRouteBuilder app)
    {
        app.MapGetAndHead("/api/v1/purchases", PurchasesAsync).WithTags("Plans")
            .WithSummary("The current plan's purchases you may see, by requirement, fund, option and order month")
            .WithDescription($"Query: page, pageSize (1..{ListRows.MaxPageSize}), requirement_id, fund_id. "
                + "Coordinators and auditors see every purchase; a donor desk those its funds pay; a recipient "
                + "officer those for its requirements, the fund named only when released.")
            .Produces<PurchasePage>()
            .ProducesProblems(S.Status400BadRequest, S.Status401Unauthorized, S.Status404NotFound, Unavailable);
        app.MapGetAndHead("/api/v1/reports/funds", FundsAsync).WithTags("Reports")
            .WithSummary("Each purchase fund you may see: amount, spent and left; what it buys and could buy next")
            .WithDescription($"Query: next (0..{ReportFunds.MaxNext}, default 5): rows of what a fund could buy "
                + "next. Everyone sees the released funds' totals; a fund's purchases only those who see it whole.")
            .Produces<FundsReport>().ProducesProblems(S.Status400BadRequest, Unavailable);
    }

    private const int Unavailable = S.Status503ServiceUnavailable;

    private static async Task<IResult> PurchasesAsync(
        HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var query = http.Request.Query;
        var problems = new List<Mainstay.Problems.Problem>();
        foreach (var name in query.Keys.Where(k => k is not ("page" or "pageSize" or "requirement_id" or "fund_id")))
            problems.Add(new("query", name, "unknown; use page, pageSize, requirement_id, fund_id"));
        var page = QueryNumbers.Optional(query, "page", 1, int.MaxValue / ListRows.MaxPageSize, problems) ?? 1;
        var pageSize = QueryNumbers.Optional(query, "pageSize", 1, ListRows.MaxPageSize, problems) ?? 100;
        if (await ledger.ForRequestAsync(http) is not { } db)
            return ApiProblems.Unavailable();
        var user = Authentication.UserOf(http);
        var current = await ledger.CurrentPlanAsync(db, cancel);
        var read = ReadPurchases.Handle(
            current, new ReadPurchases.Request(query["requirement_id"], query["fund_id"]), user);
        if (read.Refusal != Data.Refusal.None) // who may not read purchases learns nothing of the query
            return ApiProblems.Refused(read.Refusal, read.Message);
        if (problems.Count > 0)
            return ApiProblems.BadRequest("the query is not valid", problems);
        var items = read.Purchases.Skip((page - 1) * pageSize).Take(pageSize).Select(Line).ToArray();
        return TypedResults.Ok(new PurchasePage(AsOf(current), page, pageSize, read.Purchases.Count, items));
    }

    private static async Task<IResult> FundsAsync(HttpContext http, LedgerConnections ledger, CancellationToken cancel)
    {
        var query = http.Request.Query;
        var problems = new List<Mainstay.Problems.Problem>();
        foreach (var name in query.Keys.Where(k => k is not "next"))
            problems.Add(new("query", name, "unknown; use next"));
        var next = QueryNumbers.Optional(query, "next", 0, ReportFunds.MaxNext, problems) ?? 5;
        if (problems.Count > 0)
            return ApiProblems.BadRequest("the query is not valid", problems);
        if (await ledger.ForRequestAsync(http) is not { } db)
            return ApiProblems.Unavailable();
        var current = await ledger.CurrentPlanAsync(db, cancel);
        var report = ReportFunds.Handle(current, new ReportFunds.Request(next), Authentication.UserOf(http));
        if (report.Refusal != Data.Refusal.None)
            return ApiProblems.Refused(report.Refusal, report.Message);
        var funds = report.Funds.Select(f => new FundReportLine(
            f.Fund.Id, f.Fund.Donor, f.Fund.AmountEur, f.Fund.Available.ToString(),
            f.EarmarkShown ? f.Fund.Items.ToString() : null, f.EarmarkShown ? f.Fund.Recipients.ToString() : null,
            f.SpentEur, f.LeftEur,
            f.Whole ? [.. f.Purchases.Select(p => Line(new SeenPurchase(p, true)))] : null,
            f.Whole ? [.. f.Next.Select(Line)] : null)).ToArray();
        return TypedResults.Ok(new FundsReport(AsOf(current), funds, [.. report.ForOwnRequirements.Select(Line)]));
    }

    private static CurrentPlanAsOf AsOf(CurrentPlan current) =>
        new(current.AuditSeq, current.MadeAt, current.Plan.Optimal);

    private static PurchaseLine Line(SeenPurchase seen)
    {
        var p = seen.Purchase;
        return new PurchaseLine(seen.FundId, p.Option.Id, p.OrderMonth.ToString(), p.Requirement.Id, p.Quantity,
            p.CostEur, p.Arrival.ToString(), p.LateMonths);
    }

    private static NextPurchaseLine Line(ReportFunds.NextPurchase n) => new(
        n.Requirement.Id, n.Requirement.Recipient, n.Requirement.Item, n.Requirement.Priority, n.ShortUnits,
        n.Option.Id, n.OrderMonth.ToString(), n.Arrival.ToString(), n.LateMonths, n.BenefitPerUnit,
        n.Option.UnitPriceEur, n.CapacityLeft, n.Units, n.CostEur);
}
