using System.Globalization;
using Mainstay.Access;
using Mainstay.Data.Export;
using Mainstay.Data.Files;
using Mainstay.Data.Storage;
using Mainstay.Data.Audit;
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
        var (refusal, db) = await OpenAsync();
        if (refusal is not null)
            return refusal;
        Verification = await AuditVerification.RunAsync(db!, cancel);
        Total = await AuditLog.CountAsync(db!, Filter, cancel);
        PageNumber = (int)Math.Clamp(PageNumber, 1, Pages);
        Entries = await AuditLog.EntriesAsync(db!, Filter, (PageNumber - 1) * PageSize, PageSize, cancel);
        return Page();
    }

    /// <summary>Every entry the filter selects, newest first, as CSV: what an auditor takes away to check.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancel)
    {
        var (refusal, db) = await OpenAsync();
        if (refusal is not null)
            return refusal;
        var entries = await AuditLog.EntriesAsync(db!, Filter, 0, int.MaxValue, cancel);
        return Download.Of("audit-trail", ExportFormat.Csv,
            stream =>
                CsvTableFile.Write(stream,
            ["seq", "at", "actor", "action", "entity", "key", "before", "after", "prev_hash", "hash"],
            entries.Select(
                e => (IReadOnlyList<string>)[e.Seq.ToString(CultureInfo.InvariantCulture), e.At, e.Actor, e.Action,
                    e.Entity, e.Key, e.Before ?? "", e.After ?? "", e.PrevHash, e.Hash])));
    }

    private AuditFilter Filter => new(Entity?.Trim(), Key?.Trim(), Actor?.Trim());

    private async Task<(IActionResult? Refusal, LedgerDatabase? Db)> OpenAsync()
    {
        var user = Authentication.UserOf(HttpContext);
        if (user is null)
            return (Challenge(), null);
        if (!AccessPolicy.SeesEverything(user))
            return (NotFound(), null);
        var db = await ledger.ForRequestAsync(HttpContext);
        return db is null ? (StatusCode(StatusCodes.Status503ServiceUnavailable), null) : (null, db);
    }

    public string Link(int page, string? handler = null) =>
        $"?entity={Uri.EscapeDataString(Entity ?? "")}&key={Uri.EscapeDataString(Key ?? "")}"
        + $"&actor={Uri.EscapeDataString(Actor ?? "")}&pageNumber={page}"
        + (handler is null ? "" : "&handler=" + handler);
}
