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

    /// <summary>
    /// Opens the ledger and applies pending migrations up to <paramref name="upToVersion"/> (default: all).
    /// A SQLite file that does not exist is created only when <paramref name="create"/> is set.
    /// </summary>
    /// <param name="migrate">False only where the ledger is known to be migrated already (a server opening it per
    /// request after its start).</param>
    public static async Task<Result<LedgerDatabase>> OpenAsync(
        DatabaseTarget target, TimeProvider clock, int? upToVersion = null, CancellationToken cancel = default,
        bool create = true, bool migrate = true)
    {
        if (!create && target.SqlitePath is { } path && !File.Exists(path))
            return new Problem(
                target.Display, "", "no Mainstay ledger here; create one with 'mainstay init' or by importing into it");
        DbConnection connection = target.Dialect == Dialect.Sqlite
            ? new SqliteConnection(target.ConnectionString)
            : new NpgsqlConnection(target.ConnectionString);
        var db = new LedgerDatabase(target, connection);
        try
        {
            await connection.OpenAsync(cancel);
            if (target.Dialect == Dialect.Sqlite)
                await db.ExecuteAsync(
                    migrate
                        ? "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                        : "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
                    cancel);
            if (!migrate)
                return Result<LedgerDatabase>.Ok(db);
            var problem = await db.MigrateAsync(clock, upToVersion ?? Migrations.Latest, cancel);
            if (problem is not null)
            {
                await db.DisposeAsync();
                return problem;
            }
            return Result<LedgerDatabase>.Ok(db);
        }
        catch (DbException e)
        {
            await db.DisposeAsync();
            return OpenFailed(target, e);
        }
    }

    /// <summary>
    /// Opens the ledger for reading only: never creates, upgrades or otherwise writes it, so a
    /// write-protected ledger can still be read. An empty file or database is not a ledger; an older
    /// schema must be upgraded first. On SQLite every statement that would change the database is
    /// refused (<c>query_only</c>); the file is opened for writing only so that SQLite tidies up its
    /// write-ahead log on closing, and where that is not allowed, read-only (<c>Mode=ReadOnly</c>).
    /// On PostgreSQL the session's transactions are read-only.
    /// </summary>
    public static async Task<Result<LedgerDatabase>> OpenReadOnlyAsync(
        DatabaseTarget target, CancellationToken cancel = default)
    {
        if (target.SqlitePath is { } path)
        {
            if (!File.Exists(path))
                return new Problem(
                    target.Display, "",
                    "no Mainstay ledger here; create one with 'mainstay init' or by importing into it");
            if (new FileInfo(path).Length == 0)
                return new Problem(target.Display, "", "not a Mainstay ledger: the file is empty (0 bytes)");
        }
        var (db, problem) = await TryOpenReadOnlyAsync(target, SqliteReading.QueryOnly, cancel);
        return problem is not null ? problem : db!;
    }

    private enum SqliteReading
    {
        QueryOnly,
        ReadOnly,
        Immutable,
    }

    private static async Task<(LedgerDatabase? Db, Problem? Problem)> TryOpenReadOnlyAsync(
        DatabaseTarget target, SqliteReading reading, CancellationToken cancel)
    {
        DbConnection connection = target.Dialect == Dialect.Sqlite
            ? new SqliteConnection(SqliteForReading(target, reading))
            : new NpgsqlConnection(target.ConnectionString);
        var db = new LedgerDatabase(target, connection);
        try
        {
            await connection.OpenAsync(cancel);
            await db.ExecuteAsync(target.Dialect == Dialect.Sqlite
                ? "PRAGMA query_only = ON"
                : "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", cancel);
            var (current, problem) = await db.CheckSchemaAsync(null, cancel);
            problem ??= current == 0
                ? new Problem(target.Display, "",
                    "not a Mainstay ledger: the database is empty; create one "
                        + "with 'mainstay init' or by importing into it")
                : current < Migrations.Latest
                ? new Problem(
                    target.Display, "", $"written by an older version of Mainstay (schema version {current} of "
                    + $"{Migrations.Latest}); upgrade it with 'mainstay init' first")
                : null;
            if (problem is null)
                return (db, null);
            await db.DisposeAsync();
            return (null, problem);
        }
        catch (SqliteException e) when (reading != SqliteReading.Immutable && e.SqliteErrorCode is 8 or 14)
        {
            // The file or its folder is write-protected. A WAL ledger's reader needs a -shm file
            // beside it; where none can be made, no writer can work on the ledger either, so
            // reading it as an unchanging file is safe.
            await db.DisposeAsync();
            return await TryOpenReadOnlyAsync(target, reading + 1, cancel);
        }
        catch (DbException e)
        {
            await db.DisposeAsync();
            return (null, OpenFailed(target, e));
        }
    }

    private static string SqliteForReading(DatabaseTarget target, SqliteReading reading)
    {
        var builder = new SqliteConnectionStringBuilder(target.ConnectionString)
        {
            Mode = reading == SqliteReading.QueryOnly ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadOnly,
        };
        if (reading == SqliteReading.Immutable)
            builder.DataSource = new Uri(Path.GetFullPath(builder.DataSource)).AbsoluteUri + "?immutable=1";
        return builder.ConnectionString;
    }

    /// <summary>Whether a problem is a failure at run time (exit status 1) rather than bad input.</summary>
    public static bool IsRunTimeFailure(Problem problem) => problem.Kind == ProblemKind.RunTimeFailure;

    /// <summary>The field of a problem that says the ledger file is damaged.</summary>
    public const string DamagedField = "damaged";

    private static Problem OpenFailed(DatabaseTarget target, DbException e) =>
        DatabaseFailures.IsNotADatabase(e)
            ? new Problem(
                target.Display, "",
                $"not a Mainstay database: the file is not a SQLite database ({e.Message.TrimEnd('.')})")
            : DatabaseFailures.IsDamaged(e)
            ? new Problem(target.Display, DamagedField, DatabaseFailures.Describe(e), ProblemKind.RunTimeFailure)
            : new Problem(target.Display, ConnectionField, $"cannot open the database: {DatabaseFailures.Describe(e)}",
                ProblemKind.RunTimeFailure);

    public async Task<int> SchemaVersionAsync(CancellationToken cancel = default, DbTransaction? transaction = null) =>
        Convert.ToInt32(
            await ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM mainstay_schema", cancel, transaction),
            CultureInfo.InvariantCulture);

    private async Task<Problem?> MigrateAsync(TimeProvider clock, int upTo, CancellationToken cancel)
    {
        var (current, problem) = await CheckSchemaAsync(null, cancel);
        if (problem is not null || current >= upTo)
            return problem;

        // Another process may be upgrading the same ledger: take the write lock, then look again.
        await using var transaction = await Connection.BeginTransactionAsync(cancel);
        if (Dialect == Dialect.Postgres)
            await ExecuteAsync($"SELECT pg_advisory_xact_lock({MigrationLock})", cancel, transaction);
        (current, problem) = await CheckSchemaAsync(transaction, cancel);
        if (problem is not null)
            return problem;
        foreach (var migration in Migrations.All.Where(m => m.Version > current && m.Version <= upTo))
        {
            await ExecuteAsync(migration.SqlFor(Dialect), cancel, transaction);
            await ExecuteAsync(
                "INSERT INTO mainstay_schema (version, name, applied_at) VALUES (@v, @n, @at)", cancel, transaction,
                ("v", migration.Version), ("n", migration.Name),
                ("at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        }
        await transaction.CommitAsync(cancel);
        return null;
    }

    /// <summary>An arbitrary key for PostgreSQL's advisory lock that serialises schema upgrades.</summary>
    private const long MigrationLock = 0x4D61696E73746179; // "Mainstay"

    private async Task<(int Version, Problem? Problem)> CheckSchemaAsync(
        DbTransaction? transaction, CancellationToken cancel)
    {
        var tables = await TableNamesAsync(transaction, cancel);
        if (!tables.Contains("mainstay_schema"))
            return tables.Count == 0
                ? (0, null)
                : (0, new Problem(Target.Display, "", "not a Mainstay database: it holds other tables "
                    + $"({string.Join(", ", tables.Order(StringComparer.Ordinal).Take(5))}) and no "
                    + "mainstay_schema; refusing to change it"));
        var current = await SchemaVersionAsync(cancel, transaction);
        return current > Migrations.Latest
            ? (current, new Problem(Target.Display, "", "this database was written by a newer version of Mainstay "
                + $"(schema version {current}; this version knows up to {Migrations.Latest}); upgrade "
                + "Mainstay to use it"))
            : (current, null);
    }

    private async Task<HashSet<string>> TableNamesAsync(DbTransaction? transaction, CancellationToken cancel)
    {
        var sql = Dialect == Dialect.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
        await using var command = CreateCommand(sql, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancel))
            names.Add(reader.GetString(0));
        return names;
    }

    public DbCommand CreateCommand(
        string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
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

    public async Task<int> ExecuteAsync(
        string sql, CancellationToken cancel, DbTransaction? transaction = null,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancel);
    }

    public async Task<object?> ScalarAsync(
        string sql, CancellationToken cancel, DbTransaction? transaction = null,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, transaction, parameters);
        var value = await command.ExecuteScalarAsync(cancel);
        return value is DBNull ? null : value;
    }

    /// <summary>
    /// Starts the one transaction of a write. On PostgreSQL it also serialises writers on the audit chain.
    /// </summary>
    public async Task<DbTransaction> BeginWriteAsync(CancellationToken cancel)
    {
        var transaction = await Connection.BeginTransactionAsync(cancel);
        if (Dialect == Dialect.Postgres)
            await ExecuteAsync("LOCK TABLE audit_log IN EXCLUSIVE MODE", cancel, transaction);
        return transaction;
    }

    /// <summary>
    /// Starts a read-only transaction that sees one consistent state of the ledger (a deferred
    /// transaction on SQLite, REPEATABLE READ on PostgreSQL), so a multi-table read is a snapshot.
    /// </summary>
    public async Task<DbTransaction> BeginReadAsync(CancellationToken cancel) =>
        Connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await Connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancel);

    /// <summary>
    /// Appends rows to <paramref name="table"/> inside <paramref name="transaction"/>: binary COPY on
    /// PostgreSQL, one prepared INSERT reused for every row on SQLite. A value is a string, a long
    /// (the <paramref name="columns"/> say which: true for text) or null.
    /// </summary>
    public async Task BulkInsertAsync(
        string table, IReadOnlyList<(string Name, bool IsText)> columns, IEnumerable<object?[]> rows,
        DbTransaction transaction, CancellationToken cancel, IProgress<long>? progress = null)
    {
        const int ProgressEvery = 5_000;
        var names = string.Join(", ", columns.Select(c => c.Name));
        var done = 0L;
        if (Connection is NpgsqlConnection postgres)
        {
            await using var importer = await postgres.BeginBinaryImportAsync(
                $"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancel);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancel);
                for (var i = 0; i < columns.Count; i++)
                {
                    if (row[i] is null)
                        await importer.WriteNullAsync(cancel);
                    else if (columns[i].IsText)
                        await importer.WriteAsync((string)row[i]!, NpgsqlTypes.NpgsqlDbType.Text, cancel);
                    else
                        await importer.WriteAsync((long)row[i]!, NpgsqlTypes.NpgsqlDbType.Bigint, cancel);
                }
                if (++done % ProgressEvery == 0)
                    progress?.Report(done);
            }
            await importer.CompleteAsync(cancel);
            return;
        }
        var placeholders = string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
        await using var command = CreateCommand($"INSERT INTO {table} ({names}) VALUES ({placeholders})", transaction);
        var parameters = columns.Select((c, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.DbType = c.IsText ? System.Data.DbType.String : System.Data.DbType.Int64;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(cancel);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
                parameters[i].Value = row[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancel);
            if (++done % ProgressEvery == 0)
                progress?.Report(done);
        }
    }

    /// <summary>Deletes a SQLite ledger file with its write-ahead log and shared-memory files.</summary>
    public static void DeleteSqliteFile(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    public void Dispose() => Connection.Dispose();
}
