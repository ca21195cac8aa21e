using System.Security.Cryptography;
using System.Text;
using Mainstay.Access;
using Mainstay.Data.Access;
using Mainstay.Data.Files;
using Mainstay.Data.Import;
using Mainstay.Data.Storage;
using Mainstay.Problems;

namespace Mainstay.Data.Ledger.Rows;

/// <summary>What a row edit did: the row as saved (its canonical cells), or why nothing changed.</summary>
/// <param name="Message">The refusal, said for the user: its conclusion, then the evidence.</param>
public sealed record RowEditOutcome(
    Refusal Refusal, string Message, IReadOnlyList<Problem> Problems, string[]? Saved = null)
{
    public bool Ok => Refusal == Refusal.None;

    /// <summary>The saved row's version tag.</summary>
    public string? ETag => Saved is null ? null : RowETag.Of(Saved);

    internal static RowEditOutcome Refused(Refusal why, string message, IReadOnlyList<Problem>? problems = null) =>
        new(why, message, problems ?? []);
}

/// <summary>The version tag of a row: a hash of its cells as its reader sees them.</summary>
public static class RowETag
{
    public static string Of(IReadOnlyList<string> cells) =>
        "\""
            + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', cells))))[..20]
            + "\"";
}

/// <summary>
/// What adding, changing and removing a row share: under the ledger's write lock, the row must exist
/// for the user (as if absent otherwise), the user must be allowed to write it as it is and as it will
/// be, a change must name by its ETag the version of the row it was made on, and then the row is
/// checked with the rules of an import (fields, ids, references both ways, what shows between rows)
/// on the stored rows it can touch (<see cref="EditNeighbourhood"/>), and written with its audit entry.
/// </summary>
internal static class RowEdit
{
    internal enum Action
    {
        Add,
        Change,
        Remove,
    }

    /// <param name="cells">The row as the user wrote it; null for a removal.</param>
    internal static async Task<RowEditOutcome> ApplyAsync(
        LedgerDatabase db, Action action, LedgerKind kind, string key, string[]? cells, string? ifMatch, User? user,
        TimeProvider clock, CancellationToken cancel)
    {
        if (user is null)
            return NotAllowed(user, kind, action); // the public writes nothing, so it never waits for the write lock
        await using var transaction = await db.BeginWriteAsync(cancel);
        var around = await EditNeighbourhood.LoadAsync(db, transaction, kind, key, cells, cancel);
        var seen = action == Action.Add ? null : SeenStored(user, kind, around);
        if (action != Action.Add && seen is null)
            return RowEditOutcome.Refused(Refusal.NotFound, $"no {kind.RowNoun} \"{key}\"");
        if ((seen is not null && !MayWrite(user, kind, around.Stored!)) || (cells is not null && !MayWrite(user, kind, cells)))
            return NotAllowed(user, kind, action);
        if (seen is not null && string.IsNullOrEmpty(ifMatch))
            return RowEditOutcome.Refused(Refusal.PreconditionRequired, $"send If-Match with the ETag of the "
                + $"{kind.RowNoun} you read, so a change made since is not overwritten");
        if (seen is not null && ifMatch != RowETag.Of(seen))
            return RowEditOutcome.Refused(Refusal.Stale,
                $"the {kind.RowNoun} \"{key}\" changed since it was read; read it again and redo the change");

        string[]? canonical = null;
        if (cells is not null)
        {
            var problems = new List<Problem>();
            var header = kind.Columns.Select(c => c.Name).ToArray();
            var rows = TableValidation.Validate(
                kind, new TextTable("request", header, [new TextRow(1, [.. cells])]), problems, rowsOnly: true);
            if (problems.Count > 0)
                return Invalid(kind, problems);
            canonical = rows[0].Cells;
            if (kind.KeyOf(canonical) != key)
                return Invalid(kind, [new Problem("request", kind.KeyDescription,
                    $"the body's key \"{kind.KeyOf(canonical)}\" is not the address's \"{key}\"")]);
        }
        if (action == Action.Add)
        {
            // The id's own rules come first: whether another nation's row has this key must not show.
            var ownIds = user is null ? null : IdRules.OwnIds(kind, around.Tables[kind].Values, user);
            var nations = around.Tables[LedgerKinds.Nations].Keys.ToHashSet(StringComparer.Ordinal);
            var idProblems = IdRules.Problems(kind, canonical!, "request", added: true, user, ownIds, nations).ToArray();
            if (idProblems.Length > 0)
                return Invalid(kind, idProblems);
            if (around.Stored is not null)
                return RowEditOutcome.Refused(Refusal.Exists, $"there is already a {kind.RowNoun} \"{key}\"",
                    [new Problem("request", kind.KeyDescription, $"there is already a {kind.RowNoun} \"{key}\"")]);
        }

        // The edit holds this one row (none, to remove it): the writer's only, so only it is checked as written.
        SourcedRow[] written = canonical is null ? [] : [new SourcedRow("request", canonical)];
        var table = new ValidatedTable("request", kind, written, CheckedTogether: false)
        {
            OnlyKeys = new HashSet<string>([key], StringComparer.Ordinal),
        };
        var options = new ImportOptions { AllowRemovals = true, Viewer = user };
        var outcome = await LedgerImport.ApplyInAsync(
            db, transaction, [table], user!.Name, clock, options, cancel: cancel, scoped: around.Tables);
        if (!outcome.Ok)
            return Invalid(kind, outcome.Problems);
        await transaction.CommitAsync(cancel);
        return new RowEditOutcome(Refusal.None, "", [], canonical);
    }

    /// <summary>The stored row as the user may read it, or null when it does not exist for them.</summary>
    private static string[]? SeenStored(User? user, LedgerKind kind, EditNeighbourhood around) =>
        around.Stored is { } stored && AccessPolicy.CanSee(user, kind.Id, kind.PartiesOf(stored))
            ? RowViews.AsSeen(user, kind, stored, target => around.Tables[target])
            : null;

    private static bool MayWrite(User? user, LedgerKind kind, string[] cells) =>
        AccessPolicy.CanWrite(user, kind.Id, kind.PartiesOf(cells));

    private static RowEditOutcome NotAllowed(User? user, LedgerKind kind, Action action)
    {
        var what = $"{action.ToString().ToLowerInvariant()} this {kind.RowNoun}";
        return user is null
            ? RowEditOutcome.Refused(Refusal.SignInNeeded, $"sign in (a personal API token) to {what}")
            : RowEditOutcome.Refused(Refusal.Forbidden, $"{user.Name} ({user.Describe()}) may not {what}");
    }

    private static RowEditOutcome Invalid(LedgerKind kind, IReadOnlyList<Problem> problems) =>
        RowEditOutcome.Refused(Refusal.Invalid, $"the {kind.RowNoun} is not valid; nothing was changed", problems);
}
