using Mainstay.Access;
using Mainstay.Data.Import;
using Mainstay.Data.Ledger;
using Mainstay.Problems;
using Mainstay.Web.Api;
using Mainstay.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mainstay.Web.Pages.Requirements;

/// <summary>
/// The requirements the user may see, paged, sorted and filtered on the server; and a form to add
/// one (coordinators; recipient officers for their own nation), checked as an import would be.
/// </summary>
public sealed class IndexModel(LedgerConnections ledger) : PageModel
{
    public const int PageSize = 50;
    private static readonly LedgerKind Kind = LedgerKinds.Requirements;

    [BindProperty(SupportsGet = true)] public string? Recipient { get; set; }
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "id";
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    [BindProperty] public Dictionary<string, string> New { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string[]> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? Added { get; private set; }
    public bool CanAdd => ApiAuthentication.UserOf(HttpContext) is { } user && (user.Role == Role.Coordinator || user.Role == Role.RecipientOfficer);
    public static string[] Columns { get; } = [.. Kind.Columns.Select(c => c.Name)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel) => await ShowAsync(cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var user = ApiAuthentication.UserOf(HttpContext);
        if (user is null)
            return Challenge();
        var cells = Columns.Select(c => New.GetValueOrDefault(c)?.Trim() ?? "").ToArray();
        if (!AccessPolicy.CanWrite(user, Kind.Name, Kind.CellsByName(cells)))
        {
            Problems = [new Problem("form", "recipient", $"{user.Name} ({user.Describe()}) may not add requirements for \"{cells[1]}\"")];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return await ShowAsync(cancel);
        }
        await using (var db = await ledger.OpenAsync(cancel))
        {
            if (db is null)
                return StatusCode(StatusCodes.Status503ServiceUnavailable);
            var outcome = await LedgerEdits.ApplyAsync(db, Kind, cells[0], cells, create: true, ifMatch: null, user.Name, ledger.Clock, cancel);
            if (!outcome.Ok)
            {
                Problems = outcome.Problems;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return await ShowAsync(cancel);
            }
        }
        Added = cells[0];
        New = new(StringComparer.Ordinal);
        return await ShowAsync(cancel);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancel)
    {
        var db = await ledger.ForRequestAsync(HttpContext);
        if (db is null)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        var user = ApiAuthentication.UserOf(HttpContext);
        if (!AccessPolicy.CanSeeTable(user, Kind.Name))
            return user is null ? Challenge() : NotFound();
        var table = await ledger.TableAsync(db, Kind, cancel);
        var visible = table.Values.Where(c => AccessPolicy.CanSee(user, Kind.Name, Kind.CellsByName(c))
            && (string.IsNullOrEmpty(Recipient) || c[1] == Recipient) && (string.IsNullOrEmpty(Item) || c[2] == Item)).ToArray();
        var sortColumn = Math.Max(0, Kind.ColumnIndex(Sort.TrimStart('-')));
        var sorted = ListQuery.Order(visible, sortColumn, Sort.StartsWith('-'), Kind.Columns[sortColumn].Type == ColumnType.Integer);
        Total = visible.Length;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = [.. sorted.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        return Page();
    }

    /// <summary>The address of this list with one query value changed.</summary>
    public string Link(string? sort = null, int? page = null) =>
        $"?recipient={Uri.EscapeDataString(Recipient ?? "")}&item={Uri.EscapeDataString(Item ?? "")}&sort={Uri.EscapeDataString(sort ?? Sort)}&pageNumber={page ?? PageNumber}";
}
