using Mainstay.Data.BurdenSharing;
using Mainstay.BurdenSharing;
using Mainstay.Data.Export;
using Mainstay.Data.Storage;
using Mainstay.Problems;
using Mainstay.Reports;
using Mainstay.Web.Hosting;
using Mainstay.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mainstay.Web.Pages.BurdenSharing;

/// <summary>
/// The burden-sharing report of a year or half-year (the same computation as <c>mainstay report
/// burden-sharing</c>): each ally's counted contributions against its fair share of the baseline,
/// partners, totals; downloadable as CSV or Excel. Per-nation totals are released aggregates: the
/// public sees them too.
/// </summary>
public sealed class IndexModel(LedgerConnections ledger) : PageModel
{
    public int? Year { get; private set; }
    public int? Half { get; private set; }
    public int? GdpYear { get; private set; }

    public BurdenSharingReport? Report { get; private set; }
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        var db = await ledger.ForRequestAsync(HttpContext);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        await ComputeAsync(db, cancel);
        if (Problems.Count > 0)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancel)
    {
        var db = await ledger.ForRequestAsync(HttpContext);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        if (Download.Format(format) is not { } chosen)
            return Download.UnknownFormat(format);
        await ComputeAsync(db, cancel);
        if (Report is null)
            return new UnprocessableEntityObjectResult(string.Join("\n", Problems.Select(p => p.ToString())));
        return Download.Of($"burden-sharing-{Report.Period.ToString().Replace(' ', '-')}", chosen, stream =>
            LedgerExport.Write(stream, "burden-sharing", BurdenSharingTable.Header, BurdenSharingTable.Rows(Report),
                BurdenSharingTable.NumericColumns, chosen));
    }

    private async Task ComputeAsync(LedgerDatabase db, CancellationToken cancel)
    {
        var problems = new List<Problem>();
        var request = BurdenSharingQuery.Parse(Request.Query, problems);
        (Year, Half, GdpYear) = (request.Year, request.Half, request.GdpYear);
        if (problems.Count > 0)
        {
            Problems = problems;
            return;
        }
        var outcome = await ReportBurdenSharing.HandleAsync(
            db, request, Authentication.UserOf(HttpContext), ledger.Clock, cancel);
        (Report, Problems, Year) = (outcome.Report, outcome.Problems, outcome.Period.Year);
    }

    public string Link(string? handler = null, string? format = null) =>
        $"/BurdenSharing?year={Year}&half={Half}&gdpYear={GdpYear}"
            + (handler is null ? "" : $"&handler={handler}&format={format}");
}
