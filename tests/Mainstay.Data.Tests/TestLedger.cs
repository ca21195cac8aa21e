using Mainstay.Cli;
using Mainstay.Data.Storage;
using Npgsql;

namespace Mainstay.Data.Tests;

/// <summary>
/// A throwaway ledger on one of the configured databases: a fresh SQLite file, or a fresh database
/// on the PostgreSQL server the test script started (its admin connection string in
/// <c>MAINSTAY_TEST_POSTGRES</c>). Without that server the PostgreSQL cases fail in CI and are
/// skipped, with the reason, elsewhere; they never quietly run on SQLite instead.
/// </summary>
public sealed class TestLedger : IAsyncDisposable
{
    public const string PostgresVariable = "MAINSTAY_TEST_POSTGRES";

    public static TheoryData<string> Databases => new("sqlite", "postgres");

    private readonly string? _postgresDatabase;

    private TestLedger(string kind, DatabaseTarget target, string folder, string? postgresDatabase)
    {
        Kind = kind;
        Target = target;
        Folder = folder;
        _postgresDatabase = postgresDatabase;
    }

    public string Kind { get; }
    public DatabaseTarget Target { get; }

    /// <summary>A fresh folder for the test's files, removed afterwards.</summary>
    public string Folder { get; }

    /// <summary>What to pass as <c>--db</c>.</summary>
    public string DbArgument =>
        Target.Dialect == Dialect.Sqlite ? Path.Combine(Folder, "ledger.db") : Target.ConnectionString;

    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    public static async Task<TestLedger> CreateAsync(string kind)
    {
        var folder = Directory.CreateTempSubdirectory("mainstay-test-").FullName;
        if (kind == "sqlite")
            return new TestLedger(kind, DatabaseTarget.Parse(Path.Combine(folder, "ledger.db")).Value, folder, null);

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(admin))
        {
            Directory.Delete(folder, true);
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail(
                    $"{PostgresVariable} is not set: CI must run the PostgreSQL tests "
                        + $"(scripts/test.sh starts a server)");
            Assert.Skip($"PostgreSQL not configured: set {PostgresVariable} or run scripts/test.sh");
        }
        var name = "mainstay_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestLedger(kind, DatabaseTarget.Parse(builder.ConnectionString).Value, folder, name);
    }

    /// <summary>
    /// A ledger holding the named <see cref="Samples"/> files ("nations", "offers", ...), imported together.
    /// </summary>
    public static async Task<TestLedger> WithSamplesAsync(
        string database, string[] kinds, params string[] importOptions)
    {
        var ledger = await CreateAsync(database);
        foreach (var kind in kinds)
            ledger.WriteFile(kind + ".csv", kind switch
            {
                "nations" => Samples.Nations,
                "requirements" => Samples.Requirements,
                "offers" => Samples.Offers,
                "pledges" => Samples.Pledges,
                _ => throw new ArgumentException($"no sample {kind}", nameof(kinds)),
            });
        var run = await ledger.RunAsync(["import", .. kinds.Select(k => $"./{k}.csv"), .. importOptions]);
        run.Exit.ShouldBe(0, run.Error);
        return ledger;
    }

    public async Task<LedgerDatabase> OpenAsync(int? upToVersion = null)
    {
        var db = await LedgerDatabase.OpenAsync(Target, Clock, upToVersion);
        return db.IsOk ? db.Value : throw new InvalidOperationException(db.Problem.ToString());
    }

    /// <summary>A plain connection that checks nothing, to look at the database behind Mainstay's back.</summary>
    public async Task<System.Data.Common.DbConnection> OpenRawAsync()
    {
        System.Data.Common.DbConnection connection = Target.Dialect == Dialect.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(Target.ConnectionString)
            : new NpgsqlConnection(Target.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs the <c>mainstay</c> command in-process against this ledger, in its folder.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs the command with <paramref name="input"/> as its standard input.</summary>
    public async Task<CliRun> RunWithInputAsync(string? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, Clock,
            name => name == DatabaseTarget.EnvironmentVariable ? DbArgument : null,
            Input: new StringReader(input ?? ""));
        var exit =
            await CliApp.RunAsync(
                args.Select(a => a.StartsWith("./", StringComparison.Ordinal) ? Path.Combine(Folder, a[2..]) : a)
                    .ToArray(), context);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)",
                connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
            // A file still open on a slow runner; the temp folder is cleaned by the OS.
        }
    }
}

public sealed record CliRun(int Exit, string Out, string Error);

public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
