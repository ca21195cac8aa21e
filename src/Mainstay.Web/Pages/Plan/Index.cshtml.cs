using System.Globalization;
using Mainstay.Access;
using Mainstay.Data;
using Mainstay.Data.Export;
using Mainstay.Data.Files;
using Mainstay.Data.Ledger;
using Mainstay.Data.Planning;
using Mainstay.Data.Procurement;
using Mainstay.Data.Storage;
using Mainstay.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mainstay.Web.Pages.Plan;

/// <summary>
/// The stored plans of the ledger: the latest, what changed against the one before and why, a new
/// plan on request (coordinators), and why a requirement is not fully covered. The same workflows
/// as <c>mainstay plan</c>, <c>plan diff</c> and <c>plan explain</c>.
/// </summary>
public sealed class IndexModel(LedgerConnections ledger) : PageModel
{
    public IReadOnlyList<StoredPlan> Plans { get; private set; } = [];
    public IReadOnlyList<CoverageChange> Changes { get; private set; } = [];
    public string? RunMessage { get; private set; }
    public IReadOnlyList<string> Explanation { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Explain { get; set; }
    [BindProperty(SupportsGet = true)] public string? RequirementId { get; set; }
    [BindProperty(SupportsGet = true)] public string? OfferId { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;
    /// <summary>The latest plan's allocations the filters select, this page of them.</summary>
    public IReadOnlyList<(string RequirementId, string OfferId, long Quantity)> Allocations { get; private set; } = [];
    public int AllocationCount { get; private set; }
    public int Pages => Math.Max(1, (AllocationCount + PageSize - 1) / PageSize);

    /// <summary>The latest plan's coverage by priority: units needed, planned, and the requirements left short.</summary>
    public IReadOnlyList<(int Priority, long Needed, long Planned, int Short)> CoverageByPriority { get; private set; } = [];

    /// <summary>The current plan, whose purchases the page lists (stored plans hold allocations only).</summary>
    public Mainstay.Planning.CurrentPlan? Current { get; private set; }

    public const int PurchasesShown = 200;
    /// <summary>The current plan's purchases, the first <see cref="PurchasesShown"/> (the download has all).</summary>
    public IReadOnlyList<SeenPurchase> Purchases { get; private set; } = [];
    public int PurchaseCount { get; private set; }

    public bool CanRun => Authentication.UserOf(HttpContext)?.Role == Role.Coordinator;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (Allowed() is { } refusal)
            return refusal;
        await using var db = await ledger.OpenAsync(cancel);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        await ShowAsync(db, cancel);
        if (!string.IsNullOrWhiteSpace(Explain))
        {
            var current = await ledger.CurrentPlanAsync(db, cancel);
            var made = current.MadeAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var explained = new ExplainRequirement.ExplainedPlan(
                current, $"By the current plan, as of audit entry {current.AuditSeq} (made {made} UTC).");
            var outcome = await ExplainRequirement.HandleAsync(
                db, explained, new ExplainRequirement.Request(Explain), Authentication.UserOf(HttpContext), cancel);
            Explanation = outcome.Refusal == Refusal.None
                ? outcome.Lines
                : [$"{outcome.Message} (the current plan, as of audit entry {current.AuditSeq})"];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (Allowed() is { } refusal)
            return refusal;
        if (!CanRun)
            return Forbid();
        await using var db = await ledger.OpenAsync(cancel);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        var made = await MakePlan.HandleAsync(db, Authentication.UserOf(HttpContext), ledger.Clock, cancel);
        RunMessage = made.Said;
        await ShowAsync(db, cancel);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancel)
    {
        if (Allowed() is { } refusal)
            return refusal;
        await using var db = await ledger.OpenAsync(cancel);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        var read = await ReadAllocations.HandleAsync(db, Selected(null), Authentication.UserOf(HttpContext), cancel);
        if (read.Plan is null)
            return NotFound();
        return Download.Of($"plan-{read.Plan.Id}-allocations", ExportFormat.Csv, stream => CsvTableFile.Write(
            stream, ["requirement_id", "offer_id", "quantity"],
            read.Matching.Select(a => (IReadOnlyList<string>)[
                a.RequirementId, a.OfferId, a.Quantity.ToString(CultureInfo.InvariantCulture)])));
    }

    /// <summary>The current plan's purchases as CSV, in the columns of <c>purchases.csv</c> (procurement.md).</summary>
    public async Task<IActionResult> OnGetPurchasesAsync(CancellationToken cancel)
    {
        if (Allowed() is { } refusal)
            return refusal;
        await using var db = await ledger.OpenAsync(cancel);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        var current = await ledger.CurrentPlanAsync(db, cancel);
        var read = ReadPurchases.Handle(current, new(), Authentication.UserOf(HttpContext));
        if (read.Refusal != Refusal.None)
            return NotFound();
        static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
        return Download.Of($"current-plan-{current.AuditSeq}-purchases", ExportFormat.Csv,
            stream => CsvTableFile.Write(stream,
                ["fund_id", "option_id", "order_month", "requirement_id", "quantity", "cost_eur", "arrive",
                    "late_months"],
                read.Purchases.Select(seen => (IReadOnlyList<string>)[
                    seen.FundId ?? "", seen.Purchase.Option.Id, seen.Purchase.OrderMonth.ToString(),
                    seen.Purchase.Requirement.Id, Number(seen.Purchase.Quantity), Number(seen.Purchase.CostEur),
                    seen.Purchase.Arrival.ToString(), Number(seen.Purchase.LateMonths)])));
    }

    private ReadAllocations.Request Selected(long? plan) => new(plan, RequirementId?.Trim(), OfferId?.Trim());

    private async Task ShowAsync(LedgerDatabase db, CancellationToken cancel)
    {
        Current = await ledger.CurrentPlanAsync(db, cancel);
        var purchases = ReadPurchases.Handle(Current, new(), Authentication.UserOf(HttpContext)).Purchases;
        (Purchases, PurchaseCount) = ([.. purchases.Take(PurchasesShown)], purchases.Count);
        Plans = await LedgerPlans.ListAsync(db, cancel);
        if (Plans.Count >= 2)
            Changes = await LedgerPlans.DiffAsync(db, Plans[^2], Plans[^1], cancel);
        if (Plans.Count == 0)
            return;
        var read = await ReadAllocations.HandleAsync(
            db, Selected(Plans[^1].Id), Authentication.UserOf(HttpContext), cancel);
        var bought = await LedgerPlans.PurchasesAsync(db, Plans[^1].Id, cancel);
        var planned = read.All.Select(a => (a.RequirementId, a.Quantity))
            .Concat(bought.Select(p => (p.RequirementId, p.Quantity)))
            .GroupBy(a => a.RequirementId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity), StringComparer.Ordinal);
        CoverageByPriority = [.. (await LedgerReader.LoadAsync(db, LedgerKinds.Requirements, cancel))
            .GroupBy(r => r.Priority).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(r => r.Quantity), g.Sum(r => planned.GetValueOrDefault(r.Id)),
                g.Count(r => planned.GetValueOrDefault(r.Id) < r.Quantity)))];
        var selected = read.Matching;
        AllocationCount = selected.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Allocations = [.. selected.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }

    public string Link(int page, string? handler = null) =>
        $"/Plan?requirementId={Uri.EscapeDataString(RequirementId ?? "")}"
        + $"&offerId={Uri.EscapeDataString(OfferId ?? "")}&pageNumber={page}"
        + (handler is null ? "" : "&handler=" + handler);

    private IActionResult? Allowed() => Authentication.UserOf(HttpContext) switch
    {
        null => Challenge(),
        var user when AccessPolicy.SeesEverything(user) => null,
        _ => NotFound(), // plans pair every nation's rows: for anyone else they do not exist, as in the API
    };
}
