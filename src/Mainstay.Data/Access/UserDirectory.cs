using System.Data.Common;
using System.Globalization;
using Mainstay.Access;
using Mainstay.Data.Audit;
using Mainstay.Data.Storage;
using Mainstay.Problems;

namespace Mainstay.Data.Access;

/// <summary>
/// The users of a ledger and their personal API tokens: add, list, disable, issue and revoke
/// tokens, and check a password or a token. Every change is one transaction and is recorded in the
/// audit trail (never with a password hash or a token).
/// </summary>
public sealed class UserDirectory(LedgerDatabase db, TimeProvider clock)
{
    private const string UserColumns = "name, role, nation, disabled, created_at";

    public async Task<Result<User>> AddAsync(
        string name, Role role, string? nation, string password, string actor, CancellationToken cancel = default)
    {
        if (name.Length == 0 || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
            return new Problem("NAME", "", $"a user name is 1 to 64 letters, digits and . - _ @; got \"{name}\"");
        if (role.ActsForANation() && nation is null)
            return new Problem("--nation", "", $"{role.WithArticle()} acts for one nation: give --nation");
        if (!role.ActsForANation() && nation is not null)
            return new Problem("--nation", "", $"{role.WithArticle()} acts for no single nation; leave out --nation");
        if ((PasswordHash.Weakness(password) ?? CommonPasswords.Weakness(password, name)) is { } weakness)
            return new Problem("password", "", weakness);

        await using var transaction = await db.BeginWriteAsync(cancel);
        if (await ExistsAsync("SELECT 1 FROM users WHERE name = @n", transaction, cancel, ("n", name)))
            return new Problem("NAME", "", $"there is already a user \"{name}\"");
        if (nation is not null && !await ExistsAsync("SELECT 1 FROM nations WHERE code = @c", transaction, cancel, ("c", nation)))
            return new Problem("--nation", "", $"unknown nation \"{nation}\"; import it into nations first");
        var user = new User(name, role, nation, Disabled: false, clock.GetUtcNow());
        await db.ExecuteAsync(
            "INSERT INTO users (name, role, nation, password_hash, "
                + "disabled, created_at) VALUES (@n, @r, @c, @h, 0, @at)",
            cancel, transaction,
            ("n", name), ("r", role.Code()), ("c", nation ?? ""), ("h", PasswordHash.Hash(password)),
            ("at", Instant(user.CreatedAt)));
        await RecordAsync(transaction, actor, "add", name, null, UserJson(user), cancel);
        await transaction.CommitAsync(cancel);
        return user;
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancel = default)
    {
        await using var command = db.CreateCommand($"SELECT {UserColumns} FROM users ORDER BY name");
        return await ReadUsersAsync(command, cancel);
    }

    public async Task<User?> FindAsync(
        string name, CancellationToken cancel = default, DbTransaction? transaction = null)
    {
        await using var command = db.CreateCommand(
            $"SELECT {UserColumns} FROM users WHERE name = @n", transaction, ("n", name));
        return (await ReadUsersAsync(command, cancel)).SingleOrDefault();
    }

    /// <summary>Stops a user from signing in and from using any of their tokens.</summary>
    public async Task<Result<User>> DisableAsync(string name, string actor, CancellationToken cancel = default)
    {
        await using var transaction = await db.BeginWriteAsync(cancel);
        var user = await FindAsync(name, cancel, transaction);
        if (user is null)
            return new Problem("NAME", "", $"no user \"{name}\"");
        if (user.Disabled)
            return user;
        var disabled = user with { Disabled = true };
        await db.ExecuteAsync("UPDATE users SET disabled = 1 WHERE name = @n", cancel, transaction, ("n", name));
        await RecordAsync(transaction, actor, "change", name, UserJson(user), UserJson(disabled), cancel);
        await transaction.CommitAsync(cancel);
        return disabled;
    }

    /// <summary>
    /// Sets a new password (checked as <see cref="AddAsync"/> checks one) and ends the user's open
    /// sign-in sessions, so a cookie got with the old password stops working.
    /// </summary>
    public async Task<Result<User>> SetPasswordAsync(
        string name, string password, string actor, CancellationToken cancel = default)
    {
        if ((PasswordHash.Weakness(password) ?? CommonPasswords.Weakness(password, name)) is { } weakness)
            return new Problem("password", "", weakness);
        await using var transaction = await db.BeginWriteAsync(cancel);
        var user = await FindAsync(name, cancel, transaction);
        if (user is null)
            return new Problem("NAME", "", $"no user \"{name}\"");
        await db.ExecuteAsync(
            "UPDATE users SET password_hash = @h WHERE name = @n", cancel, transaction,
            ("h", PasswordHash.Hash(password)), ("n", name));
        await db.ExecuteAsync(
            "UPDATE sessions SET ended_at = @at WHERE user_name = @n AND ended_at = ''", cancel, transaction,
            ("at", Instant(clock.GetUtcNow())), ("n", name));
        // The trail says who changed the password and when; never the password or its hash.
        await RecordAsync(transaction, actor, "change", name, UserJson(user), UserJson(user), cancel);
        await transaction.CommitAsync(cancel);
        return user;
    }

    /// <summary>
    /// Makes a personal API token for <paramref name="name"/>; the token is returned once and stored only as a hash.
    /// </summary>
    public async Task<Result<(ApiToken Token, string Secret)>> IssueTokenAsync(
        string name, int? validDays, string actor, CancellationToken cancel = default)
    {
        if (validDays is < 1 or > 3660)
            return new Problem("--expires-days", "", $"expected 1..3660 days, got {validDays}");
        await using var transaction = await db.BeginWriteAsync(cancel);
        var user = await FindAsync(name, cancel, transaction);
        if (user is null)
            return new Problem("NAME", "", $"no user \"{name}\"");
        if (user.Disabled)
            return new Problem("NAME", "", $"user \"{name}\" is disabled");
        var (id, secret) = TokenSecret.New();
        var now = clock.GetUtcNow();
        var token = new ApiToken(id, name, now, validDays is { } days ? now.AddDays(days) : null, null);
        await db.ExecuteAsync(
            "INSERT INTO api_tokens (id, user_name, token_hash, created_at, "
                + "expires_at, revoked_at) VALUES (@id, @u, @h, @at, @exp, '')",
            cancel, transaction,
            ("id", id), ("u", name), ("h", TokenSecret.HashOf(secret)), ("at", Instant(now)),
            ("exp", Instant(token.ExpiresAt)));
        await RecordAsync(
            transaction, actor, "add", $"token {id}", null, TokenJson(token), cancel, entity: "api_tokens");
        await transaction.CommitAsync(cancel);
        return (token, secret);
    }

    public async Task<Result<ApiToken>> RevokeTokenAsync(string id, string actor, CancellationToken cancel = default)
    {
        await using var transaction = await db.BeginWriteAsync(cancel);
        var token = (await TokensAsync("WHERE id = @id", transaction, cancel, ("id", id))).SingleOrDefault();
        if (token is null)
            return new Problem("TOKEN_ID", "", $"no token \"{id}\"");
        if (token.RevokedAt is not null)
            return token;
        var revoked = token with { RevokedAt = clock.GetUtcNow() };
        await db.ExecuteAsync(
            "UPDATE api_tokens SET revoked_at = @at WHERE id = @id", cancel, transaction,
            ("at", Instant(revoked.RevokedAt)), ("id", id));
        await RecordAsync(
            transaction, actor, "change", $"token {id}", TokenJson(token), TokenJson(revoked), cancel,
            entity: "api_tokens");
        await transaction.CommitAsync(cancel);
        return revoked;
    }

    public Task<IReadOnlyList<ApiToken>> TokensOfAsync(string name, CancellationToken cancel = default) =>
        TokensAsync("WHERE user_name = @u", null, cancel, ("u", name));

    /// <summary>
    /// The user a password signs in, or null: an unknown name, a wrong password and a disabled user look the same from
    /// outside.
    /// </summary>
    public async Task<User?> SignInAsync(string name, string password, CancellationToken cancel = default)
    {
        var hash = await db.ScalarAsync(
            "SELECT password_hash FROM users WHERE name = @n", cancel, null, ("n", name)) as string;
        // Verify against something even for an unknown name, so timing does not tell which names exist.
        var matches = PasswordHash.Verify(password, hash ?? UnknownUserHash.Value);
        var user = hash is null || !matches ? null : await FindAsync(name, cancel);
        return user is { Disabled: false } ? user : null;
    }

    /// <summary>
    /// The user an API token stands for, or why it does not (unknown, revoked, expired, or its user disabled).
    /// </summary>
    public async Task<Result<User>> AuthenticateAsync(string secret, CancellationToken cancel = default)
    {
        var id = TokenSecret.IdOf(secret);
        var token = id is null ? null
            : (
                await TokensAsync(
                    "WHERE id = @id AND token_hash = @h", null, cancel, ("id", id),
                    ("h", TokenSecret.HashOf(secret)))).SingleOrDefault();
        if (token is null)
            return new Problem("token", "", "unknown API token");
        if (token.RevokedAt is not null)
            return new Problem("token", "", $"API token {token.Id} was revoked");
        if (!token.IsUsableAt(clock.GetUtcNow()))
            return new Problem("token", "", $"API token {token.Id} expired on {Instant(token.ExpiresAt)}");
        var user = await FindAsync(token.User, cancel);
        return user is { Disabled: false }
            ? user
            : new Problem("token", "", $"the user of API token {token.Id} is disabled");
    }

    private static readonly Lazy<string> UnknownUserHash = new(() => PasswordHash.Hash(Guid.NewGuid().ToString()));

    private async Task<bool> ExistsAsync(string sql, DbTransaction transaction, CancellationToken cancel, params (string, object?)[] parameters) =>
        
        await db.ScalarAsync(sql, cancel, transaction, parameters) is not null;

    private static async Task<IReadOnlyList<User>> ReadUsersAsync(DbCommand command, CancellationToken cancel)
    {
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var users = new List<User>();
        while (await reader.ReadAsync(cancel))
            users.Add(
                new User(
                    reader.GetString(0), Roles.ByCode[reader.GetString(1)],
                    reader.GetString(2) is { Length: > 0 } nation ? nation : null,
                reader.GetInt64(3) != 0, ParseInstant(reader.GetString(4))!.Value));
        return users;
    }

    private async Task<IReadOnlyList<ApiToken>> TokensAsync(
        string where, DbTransaction? transaction, CancellationToken cancel, params (string, object?)[] parameters)
    {
        await using var command = db.CreateCommand(
            $"SELECT id, user_name, created_at, expires_at, revoked_at FROM api_tokens {where} ORDER BY created_at, id",
            transaction, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var tokens = new List<ApiToken>();
        while (await reader.ReadAsync(cancel))
            tokens.Add(new ApiToken(reader.GetString(0), reader.GetString(1), ParseInstant(reader.GetString(2))!.Value,
                ParseInstant(reader.GetString(3)), ParseInstant(reader.GetString(4))));
        return tokens;
    }

    private async Task RecordAsync(
        DbTransaction transaction, string actor, string action, string key, string? before, string? after,
        CancellationToken cancel, string entity = "users")
    {
        var audit = await AuditTrail.BeginAsync(db, transaction, actor, clock, cancel);
        audit.Record(action, entity, key, before, after);
        await audit.FlushAsync(cancel);
    }

    private static string UserJson(User u) =>
        AuditTrail.RowJson(
            ["name", "role", "nation", "disabled"], [u.Name, u.Role.Code(), u.Nation ?? "", u.Disabled ? "yes" : "no"]);

    private static string TokenJson(ApiToken t) =>
        AuditTrail.RowJson(
            ["id", "user", "expires_at", "revoked_at"], [t.Id, t.User, Instant(t.ExpiresAt), Instant(t.RevokedAt)]);

    private static string Instant(DateTimeOffset? at) => at?.UtcDateTime.ToString(
        "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        ?? "";

    private static DateTimeOffset? ParseInstant(string text) =>
        text.Length == 0
            ? null
            : DateTimeOffset.ParseExact(
                text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
