using Mainstay.Access;

namespace Mainstay.Data.Ledger.Rows;

/// <summary>
/// A user reads one row, with the version tag a change must name; a row they may not see does not
/// exist for them, and a reference to a row hidden from them reads as empty.
/// </summary>
public static class ReadRow
{
    public sealed record Request(LedgerKind Kind, string Key);

    /// <summary>The row as the user reads it, or why not.</summary>
    public sealed record Outcome(Refusal Refusal, string Message, string[]? Cells)
    {
        public string? ETag => Cells is null ? null : RowETag.Of(Cells);
    }

    public static async Task<Outcome> HandleAsync(
        StoredTable tables, Request request, User? user, CancellationToken cancel)
    {
        var (refusal, message) = TableAccess.Check(user, request.Kind);
        if (refusal != Refusal.None)
            return new Outcome(refusal, message, null);
        return await SeenRows.OneAsync(tables, request.Kind, request.Key, user, cancel) is { } cells
            ? new Outcome(Refusal.None, "", cells)
            : new Outcome(Refusal.NotFound, $"no {request.Kind.RowNoun} \"{request.Key}\"", null);
    }
}
