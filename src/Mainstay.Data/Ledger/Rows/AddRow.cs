using Mainstay.Access;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Ledger.Rows;

/// <summary>
/// A user adds one row to a ledger table: it must be theirs to write, its id must follow the id rules
/// (a desk's rows begin with its nation's code), its key must be new, and it must pass every check an
/// import of the table would make. Saved with its audit entry, or nothing changes.
/// </summary>
public static class AddRow
{
    /// <param name="Cells">The row in the table's column order, as the user wrote it.</param>
    public sealed record Request(LedgerKind Kind, string[] Cells);

    public static Task<RowEditOutcome> HandleAsync(
        LedgerDatabase db, Request request, User? user, TimeProvider clock, CancellationToken cancel) =>
        RowEdit.ApplyAsync(
            db, RowEdit.Action.Add, request.Kind, request.Kind.KeyOf(request.Cells), request.Cells, ifMatch: null,
            user, clock, cancel);
}
