using System.Text.Encodings.Web;
using System.Text.Json;
using Mainstay.Access;
using Mainstay.Ledger;
using Mainstay.Web.Hosting;
using Mainstay.Web.Overview;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mainstay.Web.Pages;

/// <summary>The overview dashboard: pledges, coverage, the month-by-month chart, largest gaps, burden sharing.</summary>
public sealed class IndexModel(LedgerConnections ledger) : PageModel
{
    public OverviewData? Data { get; private set; }

    /// <summary>The ten largest gaps among the requirements the user may see (none for the public: requirements are not released).</summary>
    public IReadOnlyList<Mainstay.Planning.Coverage> Gaps { get; private set; } = [];

    /// <summary>The charts' data, as a JSON data block the page's script reads (no inline script, so the CSP can forbid them).</summary>
    public string ChartJson { get; private set; } = "{}";

    /// <summary>"98% (61%)": planned and on-time shares of what is needed; "-" when nothing is.</summary>
    public static string Share(long planned, long onTime, long needed) =>
        needed == 0 ? "-" : $"{100.0 * planned / needed:0}% ({100.0 * onTime / needed:0}%)";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        var db = await ledger.ForRequestAsync(HttpContext);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        Data = await ledger.OverviewAsync(db, cancel);
        var user = Authentication.UserOf(HttpContext);
        bool Shown(Requirement requirement) =>
            AccessPolicy.CanSee(user, LedgerTable.Requirements, new RowParties(Recipient: requirement.Recipient));
        Gaps = [.. Data.LargestGaps.Where(g => Shown(g.Requirement)).Take(10)];
        var months = Data.Forecast.Where(f => f.Item is null).GroupBy(f => f.Month).OrderBy(g => g.Key)
            .Select(g => new
            {
                month = g.Key.ToString(), needed = g.Sum(f => f.Needed),
                inKind = g.Sum(f => f.OnTime - f.Bought), bought = g.Sum(f => f.Bought), missing = g.Sum(f => f.Gap),
            })
            .ToArray();
        var allies =
            Data.BurdenSharing?.Allies.Select(
                a => new { name = a.Nation.Name, percent = Math.Round((a.Ratio ?? 0) * 100, 1) }).ToArray() ?? [];
        // The default encoder escapes <, > and &, so the data block cannot close its script element.
        ChartJson = JsonSerializer.Serialize(new { months, allies },
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default });
        return Page();
    }
}
