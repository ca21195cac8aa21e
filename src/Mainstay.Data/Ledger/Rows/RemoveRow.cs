using Mainstay.Access;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Ledger.Rows;

/// <summary>
/// A user removes one row: it must exist for them and be theirs to write, the removal names the
/// version it was made on (its ETag), and no row may still name it (a delivery its offer, a
/// contribution the one that funded it). Removed with its audit entry, or nothing changes.
/// </summary>
public static class RemoveRow
{
    /// <param name="IfMatch">The ETag of the row as the user read it.</param>
    public sealed record Request(LedgerKind Kind, string Key, string? IfMatch);

    public static Task<RowEditOutcome> HandleAsync(
        LedgerDatabase db, Request request, User? user, TimeProvider clock, CancellationToken cancel) =>
        RowEdit.ApplyAsync(
            db, RowEdit.Action.Remove, request.Kind, request.Key, cells: null, request.IfMatch, user, clock, cancel);
}
