using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Audit;

/// <summary>Appends entries to the audit trail inside the transaction of the change they record.</summary>
public sealed class AuditTrail
{
    private readonly LedgerDatabase _db;
    private readonly DbTransaction _transaction;
    private readonly string _actor;
    private readonly string _at;
    private readonly List<AuditEntry> _pending = [];
    private long _seq;
    private string _lastHash;

    private AuditTrail(LedgerDatabase db, DbTransaction transaction, string actor, string at, long seq, string lastHash)
    {
        _db = db;
        _transaction = transaction;
        _actor = actor;
        _at = at;
        _seq = seq;
        _lastHash = lastHash;
    }

    public static async Task<AuditTrail> BeginAsync(
        LedgerDatabase db, DbTransaction transaction, string actor, TimeProvider clock, CancellationToken cancel)
    {
        await using var command = db.CreateCommand(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var (seq, hash) = await reader.ReadAsync(cancel)
            ? (reader.GetInt64(0), reader.GetString(1))
            : (0L, AuditEntry.Genesis);
        return new AuditTrail(
            db, transaction, actor,
            clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), seq, hash);
    }

    public void Record(string action, string entity, string key, string? before, string? after)
    {
        _seq++;
        var hash = AuditEntry.ComputeHash(_seq, _at, _actor, action, entity, key, before, after, _lastHash);
        _pending.Add(new AuditEntry(_seq, _at, _actor, action, entity, key, before, after, _lastHash, hash));
        _lastHash = hash;
    }

    /// <summary>
    /// The sequence number of the trail's newest entry (0 when it is empty): every change to the
    /// ledger appends one, so it tells which state of the ledger a reader sees.
    /// </summary>
    public static async Task<long> NewestSeqAsync(
        LedgerDatabase db, CancellationToken cancel = default, DbTransaction? transaction = null) =>
        Convert.ToInt64(
            await db.ScalarAsync("SELECT COALESCE(MAX(seq), 0) FROM audit_log", cancel, transaction),
            CultureInfo.InvariantCulture);

    /// <summary>A row as a JSON object of column name to cell text, in column order.</summary>
    public static string RowJson(IReadOnlyList<string> columns, IReadOnlyList<string> cells)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
                json.WriteString(columns[i], cells[i]);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static readonly (string Name, bool IsText)[] Columns =
    [
        ("seq", false), ("at", true), ("actor", true), ("action", true), ("entity", true), ("entity_key", true),
        ("before", true), ("after", true), ("prev_hash", true), ("hash", true),
    ];

    public async Task FlushAsync(CancellationToken cancel)
    {
        if (_pending.Count == 0)
            return;
        await _db.BulkInsertAsync("audit_log", Columns,
            _pending.Select(
                e => new object?[] {
                    e.Seq, e.At, e.Actor, e.Action, e.Entity, e.Key, e.Before, e.After, e.PrevHash, e.Hash }),
            _transaction, cancel);
        _pending.Clear();
    }
}
