using Mainstay.Access;
using Mainstay.Data.Audit;
using Mainstay.Web.Api;
using Mainstay.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mainstay.Web.Pages.Audit;

/// <summary>
/// The audit trail, newest first, filtered by table, key or user; with its verification status (the
/// hash chain intact, and the tables equal to what the trail says). Coordinators and auditors only:
/// entries hold every row as it was.
/// </summary>
public sealed class IndexModel(LedgerConnections ledger) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public AuditVerification Verification { get; private set; } = new(0, null, null);
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public long Total { get; private set; }
    public long Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        var user = ApiAuthentication.UserOf(HttpContext);
        if (user is null)
            return Challenge();
        if (user.Role is not (Role.Coordinator or Role.Auditor))
            return NotFound();
        var db = await ledger.ForRequestAsync(HttpContext);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        Verification = await AuditVerification.RunAsync(db, cancel);
        var filter = new AuditFilter(Entity?.Trim(), Key?.Trim(), Actor?.Trim());
        (Total, _) = await AuditLog.PageAsync(db, filter, 0, 0, cancel);
        PageNumber = (int)Math.Clamp(PageNumber, 1, Pages);
        (Total, Entries) = await AuditLog.PageAsync(db, filter, (PageNumber - 1) * PageSize, PageSize, cancel);
        return Page();
    }

    public string Link(int page) =>
        $"?entity={Uri.EscapeDataString(Entity ?? "")}&key={Uri.EscapeDataString(Key ?? "")}&actor={Uri.EscapeDataString(Actor ?? "")}&pageNumber={page}";
}
