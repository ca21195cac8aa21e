using Mainstay.Access;
using Mainstay.Data.Import;
using Mainstay.Ledger;
using Mainstay.Problems;
using Mainstay.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mainstay.Web.Pages.Import;

/// <summary>
/// Upload CSV or .xlsx ledger files, as <c>mainstay import</c> reads them: every problem is listed
/// with its line before anything is saved, and the files apply whole or not at all. A coordinator's
/// file replaces its whole table; a donor desk's or recipient officer's replaces only its nation's
/// rows (<c>--donor</c> / <c>--recipient</c>), and is answered only from what it may see. Rows the
/// files lack are removed only when the uploader ticks the box; "check only" shows what would change.
/// </summary>
public sealed class IndexModel(LedgerConnections ledger) : PageModel
{
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public IReadOnlyList<TableChange> Changes { get; private set; } = [];

    /// <summary>Whether the changes shown were only worked out (a dry run), not saved.</summary>
    public bool Checked { get; private set; }

    /// <summary>The nation the signed-in user's uploads are scoped to, or null for a coordinator's whole tables.</summary>
    public ImportScope? Scope => ScopeOf(Authentication.UserOf(HttpContext));

    public IActionResult OnGet() => Allowed() ?? Page();

    public async Task<IActionResult> OnPostAsync(
        List<IFormFile> files, bool allowRemovals, bool dryRun, CancellationToken cancel)
    {
        if (Allowed() is { } refusal)
            return refusal;
        if (files.Count == 0)
        {
            Problems = [new Problem("files", "", "choose one or more files to import")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // The files are read from a folder of our own under names we check: a client's name such as
        // ../../etc/passwd is used only for what it says of the kind, never as a path.
        var folder = Directory.CreateTempSubdirectory("mainstay-upload-");
        try
        {
            var paths = new List<string>();
            foreach (var file in files)
            {
                var name = Path.GetFileName(file.FileName);
                if (name.Length == 0 || name != file.FileName || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
                    || name.StartsWith('.'))
                {
                    Problems = [
                        new Problem(file.FileName, "",
                            "not a plain file name; name the file after its table, e.g. requirements.csv")];
                    Response.StatusCode = StatusCodes.Status400BadRequest;
                    return Page();
                }
                var path = Path.Combine(folder.FullName, name);
                await using (var stream = System.IO.File.Create(path))
                    await file.CopyToAsync(stream, cancel);
                paths.Add(path);
            }
            var user = Authentication.UserOf(HttpContext)!;
            var options = new ImportOptions { Scope = Scope, AllowRemovals = allowRemovals, DryRun = dryRun,
                Viewer = user };
            var read = ImportFiles.ReadFiles(new ImportFiles.Request(paths, null, options), user);
            var problems = read.Problems;
            if (read.AsksLedger)
            {
                await using var db = await ledger.OpenAsync(cancel);
                if (db is null)
                    return StatusCode(StatusCodes.Status503ServiceUnavailable);
                var outcome = await ImportFiles.HandleAsync(db, read, user.Name, ledger.Clock, cancel: cancel);
                problems = outcome.Problems;
                Changes = outcome.Changes;
                Checked = dryRun && outcome.Ok;
            }
            Problems = problems;
            if (problems.Count > 0)
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private IActionResult? Allowed() => Authentication.UserOf(HttpContext) switch
    {
        null => Challenge(),
        { Role: Role.Coordinator } => null,
        { Role: Role.DonorDesk or Role.RecipientOfficer, Nation: not null } => null,
        _ => Forbid(),
    };

    private static ImportScope? ScopeOf(User? user) => user switch
    {
        { Role: Role.DonorDesk, Nation: { } nation } => new ImportScope(NationSide.Donor, nation),
        { Role: Role.RecipientOfficer, Nation: { } nation } => new ImportScope(NationSide.Recipient, nation),
        _ => null,
    };
}
