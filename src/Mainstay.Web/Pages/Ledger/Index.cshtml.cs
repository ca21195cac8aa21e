using Mainstay.Data;
using Mainstay.Access;
using Mainstay.Data.Export;
using Mainstay.Data.Ledger.Rows;
using Mainstay.Data.Storage;
using Mainstay.Data.Ledger;
using Mainstay.Problems;
using Mainstay.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mainstay.Web.Pages.Ledger;

/// <summary>
/// Any ledger table the user may see: paged, sorted and filtered by any column on the server,
/// downloadable as CSV or Excel (the rows the filter selects, in the import format); rows the user
/// may write can be added, changed (re-prioritised, for requirements) and removed, each checked as an
/// import would be and guarded by the row's ETag, so two desks editing one row cannot overwrite each
/// other. The same <see cref="AccessPolicy"/> as the API decides what is shown and allowed.
/// </summary>
public sealed class IndexModel(LedgerConnections ledger) : PageModel, IRefusesForm
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string Table { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    /// <summary>The key of the row whose edit form is open.</summary>
    [BindProperty(SupportsGet = true)] public string? Edit { get; set; }

    [BindProperty] public Dictionary<string, string> Cells { get; set; } = new(StringComparer.Ordinal);
    [BindProperty] public string? ETag { get; set; }

    public LedgerKind Kind { get; private set; } = LedgerKinds.Requirements;
    public IReadOnlyList<string> Columns => [.. Kind.Columns.Select(c => c.Name)];
    public Dictionary<string, string> Filters { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<string[]> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? Done { get; private set; }
    /// <summary>The row being edited, as stored, when the user may change it.</summary>
    public string[]? Editing { get; private set; }
    public User? Signed => Authentication.UserOf(HttpContext);

    /// <summary>Whether the user may add rows to this table at all (each row is still checked).</summary>
    public bool CanAdd => AccessPolicy.CanWriteTable(Signed, Kind.Id);

    public bool CanWrite(string[] cells) => AccessPolicy.CanWrite(Signed, Kind.Id, Kind.PartiesOf(cells));

    public Task<IActionResult> OnGetAsync(CancellationToken cancel) => ShowAsync(cancel);

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancel)
    {
        var (refusal, listed) = await ListAsync(cancel);
        if (refusal is not null)
            return refusal;
        if (Download.Format(format) is not { } chosen)
            return Download.UnknownFormat(format);
        return Download.Of(Kind.Name, chosen, stream => LedgerExport.Write(stream, Kind, listed.Matching, chosen));
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancel)
    {
        if (!Find())
            return NotFound();
        var cells = Posted();
        return await EditAsync((db, user) => AddRow.HandleAsync(
            db, new AddRow.Request(Kind, cells), user, ledger.Clock, cancel),
            $"Added {Kind.RowNoun} {Kind.KeyOf(cells)}.",
            cancel);
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancel)
    {
        if (!Find())
            return NotFound();
        var request = new ChangeRow.Request(Kind, Edit ?? "", Posted(), ETag ?? "");
        return await EditAsync(
            (db, user) => ChangeRow.HandleAsync(db, request, user, ledger.Clock, cancel),
            $"Saved {Kind.RowNoun} {Edit}.",
            cancel);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancel)
    {
        if (!Find())
            return NotFound();
        var request = new RemoveRow.Request(Kind, Edit ?? "", ETag ?? "");
        return await EditAsync(
            (db, user) => RemoveRow.HandleAsync(db, request, user, ledger.Clock, cancel),
            $"Removed {Kind.RowNoun} {Edit}.", cancel);
    }

    /// <summary>A form whose fields held what no form may (a NUL): shown again as posted, with the fields named.</summary>
    public async Task<IActionResult> RefuseFormAsync(
        IReadOnlyList<(string Field, string Message)> problems, CancellationToken cancel)
    {
        if (!Find())
            return NotFound();
        var named = problems.Select(p => new Problem("form", CellName(p.Field), p.Message)).ToArray();
        return await RefuseAsync(StatusCodes.Status422UnprocessableEntity, named, cancel);
    }

    /// <summary>A cell's column (<c>Cells[quantity]</c>: quantity), or the form field's name as it is.</summary>
    private static string CellName(string field) =>
        field.StartsWith("Cells[", StringComparison.OrdinalIgnoreCase) && field.EndsWith(']') ? field[6..^1] : field;

    private string[] Posted() => [.. Columns.Select(c => Cells.GetValueOrDefault(c)?.Trim() ?? "")];

    private async Task<IActionResult> EditAsync(
        Func<LedgerDatabase, User, Task<RowEditOutcome>> edit, string done, CancellationToken cancel)
    {
        if (Signed is not { } user)
            return Challenge();
        await using var db = await ledger.OpenAsync(cancel);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        var outcome = await edit(db, user);
        if (outcome.Refusal == Refusal.NotFound)
            return NotFound();
        if (!outcome.Ok)
            return await RefuseAsync(
                RefusalStatus.Of(outcome.Refusal).Status,
                outcome.Problems.Count > 0 ? outcome.Problems : [new Problem("form", "", outcome.Message)], cancel);
        Done = done;
        (Cells, Edit) = (new(StringComparer.Ordinal), null);
        return await ShowAsync(cancel);
    }

    /// <summary>Shows the list again with the form as the user filled it and every problem found.</summary>
    private async Task<IActionResult> RefuseAsync(int status, IReadOnlyList<Problem> problems, CancellationToken cancel)
    {
        Problems = problems;
        Response.StatusCode = status;
        return await ShowAsync(cancel, keepForm: true);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancel, bool keepForm = false)
    {
        var (refusal, listed) = await ListAsync(cancel);
        if (refusal is not null)
            return refusal;
        Total = listed.Total;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = [.. listed.Matching.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        if (Edit is not null && !keepForm)
        {
            var db = (await ledger.ForRequestAsync(HttpContext))!;
            var read = await ReadRow.HandleAsync(ledger.Tables(db), new ReadRow.Request(Kind, Edit), Signed, cancel);
            if (read.Cells is not { } row)
                return NotFound();
            if (CanWrite(row))
            {
                Editing = row;
                ETag = read.ETag;
                Cells = Columns.Select((c, i) => (c, row[i]))
                    .ToDictionary(p => p.c, p => p.Item2, StringComparer.Ordinal);
            }
        }
        else if (Edit is not null)
            Editing = [.. Posted()];
        return Page();
    }

    /// <summary>
    /// The rows of the table the user may see that the filters select, in the chosen order (an unknown
    /// sort falls back to the key); or why not.
    /// </summary>
    private async Task<(IActionResult? Refusal, ListRows.Outcome Listed)> ListAsync(CancellationToken cancel)
    {
        if (!Find())
            return (NotFound(), null!);
        foreach (var column in Columns)
            if (Request.Query.TryGetValue(column, out var value) && value.ToString().Trim().Length > 0)
                Filters[column] = value.ToString().Trim();
        Sort = Kind.ColumnIndex((Sort ?? "").TrimStart('-')) >= 0 ? Sort : Kind.Columns[0].Name;
        var request = new ListRows.Request(Kind, Filters, Sort, Page: 1, ListRows.MaxPageSize);
        if (await ledger.ForRequestAsync(HttpContext) is not { } db)
            return (StatusCode(StatusCodes.Status503ServiceUnavailable), null!);
        var listed = await ListRows.HandleAsync(ledger.Tables(db), request, Signed, cancel);
        return listed.Refusal switch
        {
            Refusal.None => (null, listed),
            Refusal.SignInNeeded => (Challenge(), listed),
            _ => (NotFound(), listed),
        };
    }

    private bool Find()
    {
        if (LedgerKinds.Find(Table) is not { } kind)
            return false;
        Kind = kind;
        return true;
    }

    /// <summary>The address of this list with the sort, page or row being edited changed, keeping the filters.</summary>
    public string Link(
        string? sort = null, int? page = null, string? edit = null, string? handler = null, string? format = null)
    {
        var query = Filters.Select(f => (f.Key, f.Value))
            .Append(("sort", sort ?? Sort ?? ""))
            .Append(("pageNumber", (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (edit is not null)
            query = query.Append(("edit", edit));
        if (handler is not null)
            query = query.Append(("handler", handler)).Append(("format", format ?? "csv"));
        return $"/Ledger/{Kind.Name}?"
            + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));
    }
}
