using System.Security.Cryptography;
using System.Text;
using Mainstay.Data.Access;
using Mainstay.Data.Files;
using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;
using Mainstay.Problems;

namespace Mainstay.Data.Import;

/// <summary>Why a row edit was refused, so an API can answer with the right status.</summary>
public enum EditRefusal
{
    None,
    /// <summary>The row does not exist (or the caller may not see it).</summary>
    NotFound,
    /// <summary>A row with that key exists already.</summary>
    Exists,
    /// <summary>The caller's ETag is not the row's: someone changed it since it was read.</summary>
    Stale,
    /// <summary>The row, or the table with it, is invalid.</summary>
    Invalid,
}

/// <summary>
/// What a row edit did: the row as saved (its canonical cells) and its new ETag, or why nothing changed.
/// </summary>
public sealed record EditOutcome(EditRefusal Refusal, IReadOnlyList<Problem> Problems, string[]? Cells = null)
{
    public string? ETag => Cells is null ? null : LedgerEdits.ETagOf(Cells);

    public bool Ok => Refusal == EditRefusal.None;
}

/// <summary>
/// Adds, changes and removes single rows of a ledger table, with the same checks as an import of the
/// whole table (fields, references, what only shows between rows) and optimistic concurrency: a
/// change names the ETag of the row it read, and a stale one is refused. One transaction each,
/// recorded in the audit trail.
/// </summary>
public static class LedgerEdits
{
    /// <summary>The version tag of a row: a hash of its canonical cells.</summary>
    public static string ETagOf(IReadOnlyList<string> cells) =>
        "\""
            + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', cells))))[..20]
            + "\"";

    /// <summary>
    /// Writes <paramref name="cells"/> (null: removes the row) under <paramref name="key"/>. With
    /// <paramref name="create"/> the row must not exist yet; otherwise it must, and
    /// <paramref name="ifMatch"/> must be its current ETag.
    /// </summary>
    /// <param name="writer">The account the edit is made for, whose view words every problem; null: one who sees
    /// everything.</param>
    public static async Task<EditOutcome> ApplyAsync(
        LedgerDatabase db, LedgerKind kind, string key, IReadOnlyList<string>? cells, bool create, string? ifMatch,
        string actor, TimeProvider clock, CancellationToken cancel = default, Mainstay.Access.User? writer = null)
    {
        var problems = new List<Problem>();
        string[]? canonical = null;
        if (cells is not null)
        {
            var row = TableValidation.Validate(
                kind, new TextTable("request", [.. kind.Columns.Select(c => c.Name)], [new TextRow(1, [.. cells])]),
                problems, rowsOnly: true);
            if (problems.Count > 0)
                return new EditOutcome(EditRefusal.Invalid, problems);
            canonical = row[0].Cells;
            if (kind.KeyOf(canonical) != key)
                return new EditOutcome(
                    EditRefusal.Invalid,
                    [
                        new Problem(
                            "request", kind.KeyDescription,
                            $"the body's key \"{kind.KeyOf(canonical)}\" is not the address's \"{key}\"")]);
        }

        await using var transaction = await db.BeginWriteAsync(cancel);
        var existing = await LedgerTables.LoadAsync(db, kind, transaction, cancel);
        var found = existing.TryGetValue(key, out var current);
        // The id's own rules come first: whether another nation's row has this key must not show.
        if (create && canonical is not null)
        {
            var ownIds = writer is null ? null : IdRules.OwnIds(kind, existing.Values, writer);
            var nations = (
                await LedgerTables.LoadAsync(
                    db, LedgerKinds.Nations, transaction, cancel)).Keys.ToHashSet(StringComparer.Ordinal);
            problems.AddRange(IdRules.Problems(kind, canonical, "request", added: true, writer, ownIds, nations));
            if (problems.Count > 0)
                return new EditOutcome(EditRefusal.Invalid, problems);
        }
        if (create && found)
            return new EditOutcome(
                EditRefusal.Exists,
                [new Problem("request", kind.KeyDescription, $"there is already a {kind.RowNoun} \"{key}\"")]);
        if (!create && !found)
            return new EditOutcome(EditRefusal.NotFound, [new Problem("request", "", $"no {kind.RowNoun} \"{key}\"")]);
        if (found)
        {
            var referenced = new Dictionary<LedgerKind, IReadOnlyDictionary<string, string[]>>();
            foreach (var target in RowViews.Referenced(kind))
                referenced[target] = target == kind
                    ? existing
                    : await LedgerTables.LoadAsync(db, target, transaction, cancel);
            var etag = writer is null
                ? ETagOf(current!)
                : RowViews.ETagAsSeen(writer, kind, current!, t => referenced[t]);
            if (ifMatch != etag)
                return new EditOutcome(EditRefusal.Stale, [new Problem("If-Match", "",
                    $"the {kind.RowNoun} \"{key}\" changed since it was read (its "
                        + $"ETag is now {etag}); read it again and redo the change")]);
        }

        // The edit holds this one row (none, to remove it): the writer's only, so only it is checked as written.
        SourcedRow[] rows = canonical is null ? [] : [new SourcedRow("request", canonical)];
        var table = new ValidatedTable("request", kind, rows, CheckedTogether: false)
        {
            OnlyKeys = new HashSet<string>([key], StringComparer.Ordinal),
        };
        var options = new ImportOptions { AllowRemovals = true, Viewer = writer };
        var outcome = await LedgerImport.ApplyInAsync(db, transaction, [table], actor, clock, options, cancel: cancel);
        if (!outcome.Ok)
            return new EditOutcome(EditRefusal.Invalid, outcome.Problems);
        await transaction.CommitAsync(cancel);
        return new EditOutcome(EditRefusal.None, [], canonical);
    }
}
