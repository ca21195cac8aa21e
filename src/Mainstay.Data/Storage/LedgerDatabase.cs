using System.Data.Common;
using System.Globalization;
using Mainstay.Problems;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mainstay.Data.Storage;

/// <summary>
/// An open connection to a Mainstay ledger whose schema is current. Opening checks what the
/// database is before touching it: a file that is not SQLite, a database that is not Mainstay's,
/// or one written by a newer Mainstay is refused with a problem; an older schema is upgraded in place.
/// </summary>
public sealed class LedgerDatabase : IAsyncDisposable, IDisposable
{
    private LedgerDatabase(DatabaseTarget target, DbConnection connection)
    {
        Target = target;
        Connection = connection;
    }

    /// <summary>The field of a problem that is about reaching the database rather than what it holds.</summary>
    public const string ConnectionField = "connection";

    public DatabaseTarget Target { get; }
    public DbConnection Connection { get; }
    public Dialect Dialect => Target.Dialect;

    /// <summary>Opens the ledger and applies pending migrations up to <paramref name="upToVersion"/> (default: all).</summary>
    public static async Task<Result<LedgerDatabase>> OpenAsync(DatabaseTarget target, TimeProvider clock, int? upToVersion = null, CancellationToken cancel = default)
    {
        DbConnection connection = target.Dialect == Dialect.Sqlite
            ? new SqliteConnection(target.ConnectionString)
            : new NpgsqlConnection(target.ConnectionString);
        var db = new LedgerDatabase(target, connection);
        try
        {
            await connection.OpenAsync(cancel);
            if (target.Dialect == Dialect.Sqlite)
                await db.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", cancel);
            var problem = await db.MigrateAsync(clock, upToVersion ?? Migrations.Latest, cancel);
            if (problem is not null)
            {
                await db.DisposeAsync();
                return problem;
            }
            return Result<LedgerDatabase>.Ok(db);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11)
        {
            await db.DisposeAsync();
            return new Problem(target.Display, "", $"not a Mainstay database: the file is not a SQLite database ({e.Message.TrimEnd('.')})");
        }
        catch (SqliteException e)
        {
            await db.DisposeAsync();
            return new Problem(target.Display, ConnectionField, $"cannot open the database: {e.Message}");
        }
        catch (NpgsqlException e)
        {
            await db.DisposeAsync();
            return new Problem(target.Display, ConnectionField, $"cannot open the database: {e.Message}");
        }
    }

    public async Task<int> SchemaVersionAsync(CancellationToken cancel = default) =>
        Convert.ToInt32(await ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM mainstay_schema", cancel), CultureInfo.InvariantCulture);

    private async Task<Problem?> MigrateAsync(TimeProvider clock, int upTo, CancellationToken cancel)
    {
        var tables = await TableNamesAsync(cancel);
        var current = 0;
        if (tables.Contains("mainstay_schema"))
            current = await SchemaVersionAsync(cancel);
        else if (tables.Count > 0)
            return new Problem(Target.Display, "", $"not a Mainstay database: it holds other tables ({string.Join(", ", tables.Order(StringComparer.Ordinal).Take(5))}) and no mainstay_schema; refusing to change it");

        if (current > Migrations.Latest)
            return new Problem(Target.Display, "", $"this database was written by a newer version of Mainstay (schema version {current}; this version knows up to {Migrations.Latest}); upgrade Mainstay to use it");

        foreach (var migration in Migrations.All.Where(m => m.Version > current && m.Version <= upTo))
        {
            await using var transaction = await Connection.BeginTransactionAsync(cancel);
            await ExecuteAsync(migration.SqlFor(Dialect), cancel, transaction);
            await ExecuteAsync("INSERT INTO mainstay_schema (version, name, applied_at) VALUES (@v, @n, @at)", cancel, transaction,
                ("v", migration.Version), ("n", migration.Name), ("at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
            await transaction.CommitAsync(cancel);
        }
        return null;
    }

    private async Task<HashSet<string>> TableNamesAsync(CancellationToken cancel)
    {
        var sql = Dialect == Dialect.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
        await using var command = CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancel))
            names.Add(reader.GetString(0));
        return names;
    }

    public DbCommand CreateCommand(string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancel, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancel);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancel, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, transaction, parameters);
        var value = await command.ExecuteScalarAsync(cancel);
        return value is DBNull ? null : value;
    }

    /// <summary>Starts the one transaction of a write. On PostgreSQL it also serialises writers on the audit chain.</summary>
    public async Task<DbTransaction> BeginWriteAsync(CancellationToken cancel)
    {
        var transaction = await Connection.BeginTransactionAsync(cancel);
        if (Dialect == Dialect.Postgres)
            await ExecuteAsync("LOCK TABLE audit_log IN EXCLUSIVE MODE", cancel, transaction);
        return transaction;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    public void Dispose() => Connection.Dispose();
}
