using Mainstay.Access;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Ledger.Rows;

/// <summary>
/// A user changes one row (re-prioritises a requirement, corrects an offer): the row must exist for
/// them and be theirs to write before and after, the change names the version it was made on (its
/// ETag), so two desks editing one row cannot overwrite each other, and the row as changed passes
/// every check an import would make. Saved with its audit entry, or nothing changes.
/// </summary>
public static class ChangeRow
{
    /// <param name="Cells">The row as it will be, in the table's column order; its key is <paramref name="Key"/>.</param>
    /// <param name="IfMatch">The ETag of the row as the user read it.</param>
    public sealed record Request(LedgerKind Kind, string Key, string[] Cells, string? IfMatch);

    public static Task<RowEditOutcome> HandleAsync(
        LedgerDatabase db, Request request, User? user, TimeProvider clock, CancellationToken cancel) =>
        RowEdit.ApplyAsync(
            db, RowEdit.Action.Change, request.Kind, request.Key, request.Cells, request.IfMatch, user, clock, cancel);
}
