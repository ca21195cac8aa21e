using System.Globalization;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Audit;

/// <summary>The outcome of checking the audit chain: how many entries held, and the first that did not.</summary>
public sealed record AuditVerification(long EntriesChecked, long? FirstBadSeq, string? Reason)
{
    public bool Intact => FirstBadSeq is null;

    /// <summary>Walks the chain in order of sequence number and stops at the first broken link.</summary>
    public static async Task<AuditVerification> RunAsync(LedgerDatabase db, CancellationToken cancel)
    {
        await using var command = db.CreateCommand("SELECT seq, at, actor, action, entity, entity_key, before, after, prev_hash, hash FROM audit_log ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var expectedSeq = 1L;
        var previousHash = AuditEntry.Genesis;
        var checkedCount = 0L;
        while (await reader.ReadAsync(cancel))
        {
            var entry = new AuditEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8), reader.GetString(9));
            if (entry.Seq != expectedSeq)
                return Bad(checkedCount, expectedSeq, entry.Seq > expectedSeq
                    ? $"entry {expectedSeq} is missing (the next entry is {entry.Seq}): entries were removed"
                    : $"entry {entry.Seq} appears twice");
            if (entry.PrevHash != previousHash)
                return Bad(checkedCount, entry.Seq, $"entry {entry.Seq} does not follow entry {entry.Seq - 1}: entries were removed or reordered");
            if (entry.ExpectedHash() != entry.Hash)
                return Bad(checkedCount, entry.Seq, $"entry {entry.Seq} ({entry.Action} {entry.Entity} {entry.Key} by {entry.Actor} at {entry.At}) was altered: its content does not match its hash");
            previousHash = entry.Hash;
            expectedSeq++;
            checkedCount++;
        }
        return new AuditVerification(checkedCount, null, null);
    }

    private static AuditVerification Bad(long checkedCount, long seq, string reason) =>
        new(checkedCount, seq, reason.ToString(CultureInfo.InvariantCulture));
}
