using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mainstay.Data.Storage;
using Npgsql;
using NpgsqlTypes;

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

    public static async Task<AuditTrail> BeginAsync(LedgerDatabase db, DbTransaction transaction, string actor, TimeProvider clock, CancellationToken cancel)
    {
        await using var command = db.CreateCommand("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var (seq, hash) = await reader.ReadAsync(cancel) ? (reader.GetInt64(0), reader.GetString(1)) : (0L, AuditEntry.Genesis);
        return new AuditTrail(db, transaction, actor, clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), seq, hash);
    }

    public void Record(string action, string entity, string key, string? before, string? after)
    {
        _seq++;
        var hash = AuditEntry.ComputeHash(_seq, _at, _actor, action, entity, key, before, after, _lastHash);
        _pending.Add(new AuditEntry(_seq, _at, _actor, action, entity, key, before, after, _lastHash, hash));
        _lastHash = hash;
    }

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

    public async Task FlushAsync(CancellationToken cancel)
    {
        if (_pending.Count == 0)
            return;
        if (_db.Dialect == Dialect.Postgres)
        {
            await using var importer = await ((NpgsqlConnection)_db.Connection).BeginBinaryImportAsync(
                "COPY audit_log (seq, at, actor, action, entity, entity_key, before, after, prev_hash, hash) FROM STDIN (FORMAT BINARY)", cancel);
            foreach (var e in _pending)
            {
                await importer.StartRowAsync(cancel);
                await importer.WriteAsync(e.Seq, NpgsqlDbType.Bigint, cancel);
                foreach (var text in new[] { e.At, e.Actor, e.Action, e.Entity, e.Key, e.Before, e.After, e.PrevHash, e.Hash })
                {
                    if (text is null)
                        await importer.WriteNullAsync(cancel);
                    else
                        await importer.WriteAsync(text, NpgsqlDbType.Text, cancel);
                }
            }
            await importer.CompleteAsync(cancel);
        }
        else
        {
            await using var command = _db.CreateCommand(
                "INSERT INTO audit_log (seq, at, actor, action, entity, entity_key, before, after, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @entity, @key, @before, @after, @prev, @hash)",
                _transaction, ("seq", 0L), ("at", ""), ("actor", ""), ("action", ""), ("entity", ""), ("key", ""), ("before", ""), ("after", ""), ("prev", ""), ("hash", ""));
            await command.PrepareAsync(cancel);
            foreach (var e in _pending)
            {
                var p = command.Parameters;
                p[0].Value = e.Seq;
                p[1].Value = e.At;
                p[2].Value = e.Actor;
                p[3].Value = e.Action;
                p[4].Value = e.Entity;
                p[5].Value = e.Key;
                p[6].Value = (object?)e.Before ?? DBNull.Value;
                p[7].Value = (object?)e.After ?? DBNull.Value;
                p[8].Value = e.PrevHash;
                p[9].Value = e.Hash;
                await command.ExecuteNonQueryAsync(cancel);
            }
        }
        _pending.Clear();
    }
}
