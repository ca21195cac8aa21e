using Mainstay.Problems;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mainstay.Data.Storage;

public enum Dialect
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the ledger lives: a SQLite file (the default) or a PostgreSQL database. Chosen by
/// <c>--db</c>, else the <c>MAINSTAY_DB</c> environment variable, else <c>mainstay.db</c>.
/// </summary>
public sealed record DatabaseTarget(Dialect Dialect, string ConnectionString, string Display)
{
    /// <summary>
    /// The same database with its connections pooled. A command opens and closes the file once, so
    /// it does without (closing the last connection checkpoints the WAL and releases the file); a
    /// server opens a connection per request, and re-opening a SQLite file each time costs more than
    /// the request, and while one connection re-creates the WAL others wait (150 ms a retry). PostgreSQL
    /// connections are pooled already.
    /// </summary>
    public DatabaseTarget Pooled() => Dialect == Dialect.Sqlite
        ? this with {
            ConnectionString = new SqliteConnectionStringBuilder(ConnectionString) { Pooling = true }.ConnectionString }
        : this;

    public const string EnvironmentVariable = "MAINSTAY_DB";
    public const string DefaultPath = "mainstay.db";

    public static Result<DatabaseTarget> Resolve(string? option, Func<string, string?>? environment = null)
    {
        var text = option;
        if (string.IsNullOrWhiteSpace(text))
            text = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
            text = DefaultPath;
        return Parse(text.Trim());
    }

    public static Result<DatabaseTarget> Parse(string text)
    {
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return FromPostgresUri(text);
        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(text);
                return Result<DatabaseTarget>.Ok(
                    new DatabaseTarget(
                        Dialect.Postgres, builder.ConnectionString,
                        $"postgres {builder.Host}:{builder.Port}/{builder.Database}"));
            }
            catch (ArgumentException e)
            {
                return new Problem("--db", "", $"not a valid PostgreSQL connection string: {e.Message}");
            }
        }
        var sqlite = new SqliteConnectionStringBuilder { DataSource = text, Pooling = false };
        return Result<DatabaseTarget>.Ok(new DatabaseTarget(Dialect.Sqlite, sqlite.ConnectionString, text));
    }

    /// <summary>libpq's names for the URL parameters people use, as Npgsql names them.</summary>
    private static readonly Dictionary<string, string> UriParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
    };

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? SqlitePath => Dialect == Dialect.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : null;

    /// <summary>
    /// The same ledger in another SQLite file (a ledger being built beside its final place, a backup),
    /// still named by <see cref="Display"/> in messages.
    /// </summary>
    public DatabaseTarget AtSqliteFile(string path) =>
        this with {
            ConnectionString = new SqliteConnectionStringBuilder(ConnectionString)
            {
                DataSource = path,
            }.ConnectionString };

    private static Result<DatabaseTarget> FromPostgresUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            return new Problem("--db", "", $"not a valid postgres:// address: \"{text}\"");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length > 1)
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            try
            {
                builder[UriParameters.GetValueOrDefault(key, key)] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                return new Problem(
                    "--db", key, $"not a PostgreSQL connection option this version understands ({e.Message})");
            }
        }
        return Result<DatabaseTarget>.Ok(
            new DatabaseTarget(
                Dialect.Postgres, builder.ConnectionString,
                $"postgres {builder.Host}:{builder.Port}/{builder.Database}"));
    }
}
