using System.Globalization;
using Mainstay.Access;
using Mainstay.Data.Procurement;
using Mainstay.Planning;
using Mainstay.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mainstay.Web.Pages.Funds;

/// <summary>
/// The purchase funds by the current plan (<see cref="ReportFunds"/>, as <c>GET /api/v1/reports/funds</c>):
/// per fund its amount, earmark, what it spends and has left, what it buys and what it could buy next, each
/// as far as the user may see it; the public sees the released funds' totals.
/// </summary>
public sealed class IndexModel(LedgerConnections ledger) : PageModel
{
    public ReportFunds.Outcome? Report { get; private set; }

    public CurrentPlan? Current { get; private set; }

    public bool IsRecipientOfficer => Authentication.UserOf(HttpContext)?.Role == Role.RecipientOfficer;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        var db = await ledger.ForRequestAsync(HttpContext);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        Current = await ledger.CurrentPlanAsync(db, cancel);
        Report = ReportFunds.Handle(Current, new ReportFunds.Request(), Authentication.UserOf(HttpContext));
        return Page();
    }

    /// <summary>"2026-12-01 10:00:00 UTC".</summary>
    public static string Utc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Benefit per EUR 1,000 spent, for reading the ranking (which compares exact fractions).</summary>
    public static string BenefitPerThousandEur(long benefitPerUnit, long unitPriceEur) =>
        (benefitPerUnit * 1000m / unitPriceEur).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Whole euros with thousands separators: "1,234,567".</summary>
    public static string Eur(long euros) => euros.ToString("N0", CultureInfo.InvariantCulture);
}
