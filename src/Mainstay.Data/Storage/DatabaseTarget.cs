using Mainstay.Problems;
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
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return FromPostgresUri(text);
        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(text);
                return Result<DatabaseTarget>.Ok(new DatabaseTarget(Dialect.Postgres, builder.ConnectionString, $"postgres {builder.Host}:{builder.Port}/{builder.Database}"));
            }
            catch (ArgumentException e)
            {
                return new Problem("--db", "", $"not a valid PostgreSQL connection string: {e.Message}");
            }
        }
        return Result<DatabaseTarget>.Ok(new DatabaseTarget(Dialect.Sqlite, $"Data Source={text};Pooling=False", text));
    }

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
        return Result<DatabaseTarget>.Ok(new DatabaseTarget(Dialect.Postgres, builder.ConnectionString, $"postgres {builder.Host}:{builder.Port}/{builder.Database}"));
    }
}
