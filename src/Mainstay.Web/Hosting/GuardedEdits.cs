using Mainstay.Access;
using Mainstay.Data.Import;
using Mainstay.Data.Ledger;
using Mainstay.Problems;

namespace Mainstay.Web.Hosting;

/// <summary>
/// What came of a guarded edit: the HTTP status it stands for (200, 201 or 204 when it was saved),
/// a title and detail for a refusal with every problem found, and the row as saved.
/// <see cref="Unseen"/>: the row does not exist for the user (or at all), which a page answers with a bare 404.
/// </summary>
public sealed record GuardedEdit(int Status, string Title, string Detail, IReadOnlyList<Problem> Problems, string[]? Saved = null, bool Unseen = false)
{
    public bool Ok => Status < 300;

    public string? ETag => Saved is null ? null : LedgerEdits.ETagOf(Saved);
}

/// <summary>
/// Adds, changes or removes one row on behalf of a user, for the API and the pages alike: the row
/// must exist for the user (else 404, as if absent), the user must be allowed to write it as it is
/// and as it will be (403; 401 for the public), and a change must name, by its ETag, the version of
/// the row those checks judged (428 without one, 412 if stale). Then <see cref="LedgerEdits"/>
/// checks the row as an import would and saves it with the audit trail, or changes nothing.
/// </summary>
public static class GuardedEdits
{
    /// <param name="cells">The row to save; null removes the row.</param>
    public static async Task<GuardedEdit> ApplyAsync(
        LedgerConnections ledger, HttpContext http, LedgerKind kind, string key, string[]? cells, bool create, string? ifMatch, User? user, CancellationToken cancel)
    {
        string[]? current = null;
        if (!create)
        {
            // Who may touch the row is decided on what was last read; the edit itself re-reads it under
            // the write lock and refuses it if it changed since (the ETag), so this cannot let a change slip.
            var db = await ledger.ForRequestAsync(http);
            if (db is null)
                return Unavailable();
            current = await ledger.SeenRowAsync(db, kind, key, user, cancel);
            if (current is null)
                return new GuardedEdit(StatusCodes.Status404NotFound, "Not found", $"no {kind.RowNoun} \"{key}\"", [], Unseen: true);
        }
        if ((current is not null && !AccessPolicy.CanWrite(user, kind.Id, kind.PartiesOf(current))) || (cells is not null && !AccessPolicy.CanWrite(user, kind.Id, kind.PartiesOf(cells))))
        {
            var what = $"{(create ? "add" : cells is null ? "remove" : "change")} this {kind.RowNoun}";
            return user is null
                ? new GuardedEdit(StatusCodes.Status401Unauthorized, "Unauthorized", $"sign in (a personal API token) to {what}", [])
                : new GuardedEdit(StatusCodes.Status403Forbidden, "Forbidden", $"{user.Name} ({user.Describe()}) may not {what}", []);
        }
        if (current is not null && string.IsNullOrEmpty(ifMatch))
            return new GuardedEdit(StatusCodes.Status428PreconditionRequired, "Precondition required",
                $"send If-Match with the ETag of the {kind.RowNoun} you read, so a change made since is not overwritten", []);
        // The access checks above judged this version of the row: the edit must be of this version.
        if (current is not null && ifMatch != LedgerEdits.ETagOf(current))
            return new GuardedEdit(StatusCodes.Status412PreconditionFailed, "Precondition failed", $"the {kind.RowNoun} \"{key}\" changed since it was read; read it again and redo the change", []);

        await using var writable = await ledger.OpenAsync(cancel);
        if (writable is null)
            return Unavailable();
        var outcome = await LedgerEdits.ApplyAsync(writable, kind, key, cells, create, ifMatch, user!.Name, ledger.Clock, cancel, user);
        if (!outcome.Ok)
            return outcome.Refusal switch
            {
                EditRefusal.NotFound => new GuardedEdit(StatusCodes.Status404NotFound, "Not found", outcome.Problems[0].Message, outcome.Problems),
                EditRefusal.Exists => new GuardedEdit(StatusCodes.Status409Conflict, "Conflict", outcome.Problems[0].Message, outcome.Problems),
                EditRefusal.Stale => new GuardedEdit(StatusCodes.Status412PreconditionFailed, "Precondition failed", outcome.Problems[0].Message, outcome.Problems),
                _ => new GuardedEdit(StatusCodes.Status422UnprocessableEntity, "Unprocessable content", $"the {kind.RowNoun} is not valid; nothing was changed", outcome.Problems),
            };
        return new GuardedEdit(create ? StatusCodes.Status201Created : outcome.Cells is null ? StatusCodes.Status204NoContent : StatusCodes.Status200OK, "", "", [], outcome.Cells);
    }

    private static GuardedEdit Unavailable() =>
        new(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "the ledger cannot be opened; see the server's log", []);
}
