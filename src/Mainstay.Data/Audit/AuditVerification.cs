using System.Globalization;
using System.Text.Json;
using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Audit;

/// <summary>
/// The outcome of checking the audit trail: how many entries held, the first that did not, and
/// whether the ledger's tables still hold what the trail says they should.
/// </summary>
public sealed record AuditVerification(
    long EntriesChecked, long? FirstBadSeq, string? Reason, string? TableMismatch = null)
{
    public bool Intact => FirstBadSeq is null;

    public bool TablesMatch => TableMismatch is null;

    /// <summary>Walks the chain in order of sequence number and stops at the first broken link.</summary>
    public static async Task<AuditVerification> RunAsync(LedgerDatabase db, CancellationToken cancel)
    {
        await using var snapshot = await db.BeginReadAsync(cancel);
        // What the trail says each table holds, by key; entries of what is no table (users, tokens) are not replayed.
        var replayed = LedgerKinds.All.ToDictionary(
            k => k, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        await using var command = db.CreateCommand(
            "SELECT seq, at, actor, action, entity, entity_key, before, "
                + "after, prev_hash, hash FROM audit_log ORDER BY seq",
            snapshot);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var expectedSeq = 1L;
        var previousHash = AuditEntry.Genesis;
        var checkedCount = 0L;
        while (await reader.ReadAsync(cancel))
        {
            var entry = new AuditEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8), reader.GetString(9));
            if (entry.Seq != expectedSeq)
                return Bad(checkedCount, expectedSeq, entry.Seq > expectedSeq
                    ? $"entry {expectedSeq} is missing (the next entry is {entry.Seq}): entries were removed"
                    : $"entry {entry.Seq} appears twice");
            if (entry.PrevHash != previousHash)
                return Bad(
                    checkedCount, entry.Seq,
                    $"entry {entry.Seq} does not follow entry {entry.Seq - 1}: entries were removed or reordered");
            if (entry.ExpectedHash() != entry.Hash)
                return Bad(checkedCount, entry.Seq, $"entry {entry.Seq} ({entry.Action} {entry.Entity} {entry.Key} "
                    + $"by {entry.Actor} at {entry.At}) was altered: its content does not match its hash");
            previousHash = entry.Hash;
            expectedSeq++;
            checkedCount++;
            if (LedgerKinds.Find(entry.Entity) is not { } kind)
                continue;
            if (entry.After is null)
                replayed[kind].Remove(entry.Key);
            else
                replayed[kind][entry.Key] = entry.After;
        }
        await reader.DisposeAsync();
        return new AuditVerification(
            checkedCount, null, null, await CompareTablesAsync(db, replayed, snapshot, cancel));
    }

    /// <summary>
    /// Replays the trail and compares the result with every table: a row changed, added or removed
    /// without going through Mainstay shows here even though the chain is intact.
    /// </summary>
    private static async Task<string?> CompareTablesAsync(
        LedgerDatabase db, Dictionary<LedgerKind, Dictionary<string, string>> replayed,
        System.Data.Common.DbTransaction snapshot, CancellationToken cancel)
    {
        foreach (var kind in LedgerKinds.All)
        {
            var names = kind.Columns.Select(c => c.Name).ToArray();
            var rows = await LedgerTables.LoadAsync(db, kind, snapshot, cancel);
            foreach (var (key, cells) in rows)
            {
                var actual = AuditTrail.RowJson(names, cells);
                if (!replayed[kind].TryGetValue(key, out var expected))
                    return $"{kind.Name} {key}: the table holds a row the audit trail never recorded: {actual}";
                if (expected != actual && WithAddedColumns(kind, expected) != actual)
                    return $"{kind.Name} {key}: the table holds {actual} but the "
                        + $"audit trail's last entry for it says {expected}";
            }
            var missing = replayed[kind].Keys.Where(key => !rows.ContainsKey(key))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault();
            if (missing is not null)
                return $"{kind.Name} {missing}: the audit trail says the row exists, but the table does not hold it";
        }
        return null;
    }

    /// <summary>
    /// A row recorded before migrations added columns, as those migrations left it: the added
    /// columns at their defaults. A recorded column the table no longer has stays a difference.
    /// </summary>
    private static string WithAddedColumns(LedgerKind kind, string recorded)
    {
        using var json = JsonDocument.Parse(recorded);
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in json.RootElement.EnumerateObject())
            cells[property.Name] = property.Value.GetString() ?? "";
        if (cells.Keys.Any(name => kind.ColumnIndex(name) < 0))
            return recorded;
        return AuditTrail.RowJson(
            [.. kind.Columns.Select(c => c.Name)],
            [.. kind.Columns.Select(c => cells.GetValueOrDefault(c.Name, c.Default))]);
    }

    private static AuditVerification Bad(long checkedCount, long seq, string reason) =>
        new(checkedCount, seq, reason.ToString(CultureInfo.InvariantCulture));
}
