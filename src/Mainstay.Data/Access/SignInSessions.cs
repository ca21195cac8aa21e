using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Access;

/// <summary>
/// The sign-in sessions of the web app, kept in the ledger so that signing out ends a session for
/// good (the old cookie no longer works) and every session ends at a fixed time after sign-in,
/// however often it is used. A session is found by a random id the cookie carries; only the id's
/// hash is stored. Sessions are not ledger data: they are not in the audit trail.
/// </summary>
public sealed class SignInSessions(LedgerDatabase db, TimeProvider clock)
{
    /// <summary>How long a session lasts at most from sign-in, used or not.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>Starts a session for <paramref name="user"/>; the id is returned once, for the cookie.</summary>
    public async Task<string> StartAsync(string user, CancellationToken cancel = default)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');
        var now = clock.GetUtcNow();
        await using var transaction = await db.BeginWriteAsync(cancel);
        // Sessions past their end are of no use to anyone: dropped here, so the table stays small.
        await db.ExecuteAsync(
            "DELETE FROM sessions WHERE expires_at < @now", cancel, transaction, ("now", Instant(now)));
        await db.ExecuteAsync(
            "INSERT INTO sessions (id, user_name, created_at, expires_at, ended_at) VALUES (@id, @u, @at, @exp, '')",
            cancel, transaction,
            ("id", HashOf(id)), ("u", user), ("at", Instant(now)), ("exp", Instant(now + AbsoluteLifetime)));
        await transaction.CommitAsync(cancel);
        return id;
    }

    /// <summary>
    /// Whether session <paramref name="id"/> of <paramref name="user"/> is still open: not signed out, not past its
    /// end.
    /// </summary>
    public async Task<bool> IsOpenAsync(string id, string user, CancellationToken cancel = default) =>
        await db.ScalarAsync(
            "SELECT 1 FROM sessions WHERE id = @id AND user_name = @u AND ended_at = '' AND expires_at > @now", cancel,
            null,
            ("id", HashOf(id)), ("u", user), ("now", Instant(clock.GetUtcNow()))) is not null;

    /// <summary>
    /// Ends session <paramref name="id"/> (sign-out); ending an ended or unknown session does nothing.
    /// </summary>
    public async Task EndAsync(string id, CancellationToken cancel = default) =>
        await db.ExecuteAsync("UPDATE sessions SET ended_at = @at WHERE id = @id AND ended_at = ''", cancel, null,
            ("at", Instant(clock.GetUtcNow())), ("id", HashOf(id)));

    private static string HashOf(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString(
        "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
