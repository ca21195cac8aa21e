using System.Globalization;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Audit;

/// <summary>Which audit entries to read: each non-empty field must match exactly.</summary>
public sealed record AuditFilter(string? Entity = null, string? Key = null, string? Actor = null);

/// <summary>Reads the audit trail, newest entry first, a page at a time.</summary>
public static class AuditLog
{
    public static async Task<long> CountAsync(LedgerDatabase db, AuditFilter filter, CancellationToken cancel = default)
    {
        var (where, parameters) = Where(filter);
        return Convert.ToInt64(
            await db.ScalarAsync($"SELECT COUNT(*) FROM audit_log {where}", cancel, null, parameters),
            CultureInfo.InvariantCulture);
    }

    public static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(
        LedgerDatabase db, AuditFilter filter, int skip, int take, CancellationToken cancel = default)
    {
        var (where, parameters) = Where(filter);
        await using var command = db.CreateCommand(
            "SELECT seq, at, actor, action, entity, entity_key, before, after, prev_hash, "
                + $"hash FROM audit_log {where} ORDER BY seq DESC LIMIT @take OFFSET @skip",
            null, [.. parameters, ("take", take), ("skip", skip)]);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancel))
            entries.Add(
                new AuditEntry(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8), reader.GetString(9)));
        return entries;
    }

    private static (string Where, (string, object?)[] Parameters) Where(AuditFilter filter)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        foreach (var (column, value) in new[] { ("entity", filter.Entity), ("entity_key", filter.Key), ("actor", filter.Actor) })
            if (!string.IsNullOrEmpty(value))
            {
                conditions.Add($"{column} = @{column}");
                parameters.Add((column, value));
            }
        return (conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions), [.. parameters]);
    }
}
