using Mainstay.Data.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mainstay.Data.Tests.Storage;

/// <summary>
/// A failing database is reported as what happened to it: damaged, locked by another writer, full, gone.
/// </summary>
public sealed class DatabaseFailureTests
{
    [Theory]
    [InlineData("audit", "verify")]
    [InlineData("list")]
    public async Task A_truncated_ledger_is_a_damaged_database_not_bad_input(params string[] command)
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        var demo = await ledger.RunAsync("demo", "--db", ledger.DbArgument);
        demo.Exit.ShouldBe(0, demo.Error);
        var whole = File.ReadAllBytes(ledger.DbArgument);
        File.WriteAllBytes(ledger.DbArgument, whole[..(whole.Length / 2)]);

        var run = await ledger.RunAsync(command);

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("the ledger file is damaged (truncated or overwritten); restore it from a backup");
    }

    [Fact]
    public async Task A_PostgreSQL_ledger_locked_by_another_writer_says_so_when_lock_timeout_ends_the_wait()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("postgres", ["nations"]);
        ledger.WriteFile("offers.csv", Samples.Offers);
        await using var holder = await LockAuditLogAsync(ledger);

        var run = await ledger.RunAsync("import", "./offers.csv", "--db",
            ledger.DbArgument + ";Options=-c lock_timeout=300");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain(
            "the ledger is locked by another writer, and it stayed locked for longer than lock_timeout");
        run.Error.ShouldContain("the ledger was not changed");
    }

    [Fact]
    public async Task A_PostgreSQL_ledger_locked_longer_than_the_command_timeout_is_not_a_stream_error()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("postgres", ["nations"]);
        ledger.WriteFile("offers.csv", Samples.Offers);
        await using var holder = await LockAuditLogAsync(ledger);

        var run = await ledger.RunAsync("import", "./offers.csv", "--db", ledger.DbArgument + ";Command Timeout=1");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain(
            "the database did not answer in time (Command Timeout): another writer may hold the ledger's lock");
    }

    [Fact]
    public async Task A_PostgreSQL_connection_ended_midway_says_the_server_ended_it()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("postgres", ["nations"]);
        ledger.WriteFile("offers.csv", Samples.Offers);
        await using var holder = await LockAuditLogAsync(ledger);

        var import = Task.Run(
            () => ledger.RunAsync("import", "./offers.csv", "--db", ledger.DbArgument + ";Application Name=victim"));
        await using (var admin = new NpgsqlConnection(
            ledger.DbArgument)) // outside the holder's transaction, whose view of pg_stat_activity stands still
        {
            await admin.OpenAsync();
            await using var end = admin.CreateCommand();
            end.CommandText =
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'victim' AND "
                    + "wait_event_type = 'Lock'";
            var ended = false;
            for (var i = 0; i < 100 && !ended; i++, await Task.Delay(100))
                ended = await end.ExecuteScalarAsync() is true;
            ended.ShouldBeTrue("the import never waited for the lock");
        }
        var run = await import.WaitAsync(TimeSpan.FromSeconds(30));

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("the database server ended the connection");
    }

    [Fact]
    public async Task A_SQLite_ledger_locked_by_another_writer_says_so()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations"]);
        await using var holder = new SqliteConnection(ledger.Target.ConnectionString);
        holder.Open();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }
        var impatient =
            ledger.Target with { ConnectionString =
                new SqliteConnectionStringBuilder(
                    ledger.Target.ConnectionString) { DefaultTimeout = 1 }.ConnectionString };
        await using var db = (await LedgerDatabase.OpenAsync(impatient, ledger.Clock)).Value;

        var failure =
            await Should.ThrowAsync<SqliteException>(
                () => db.ExecuteAsync("DELETE FROM nations WHERE code = 'MD'", default));

        DatabaseFailures.Describe(failure).ShouldStartWith("the ledger is locked by another writer");
    }

    [Fact]
    public async Task A_full_SQLite_database_says_the_disk_is_full()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations"]);
        await using var db = await ledger.OpenAsync();
        var pages = Convert.ToInt64(await db.ScalarAsync("PRAGMA page_count", default),
            System.Globalization.CultureInfo.InvariantCulture);
        await db.ExecuteAsync($"PRAGMA max_page_count = {pages}", default); // what a full disk looks like to SQLite

        var failure = await Should.ThrowAsync<SqliteException>(() =>
            db.ExecuteAsync(
                "INSERT INTO nations (code, name, role, currency) SELECT code || 'X', name || zeroblob(100000), "
                    + "role, currency FROM nations", default));

        DatabaseFailures.Describe(failure).ShouldStartWith("the disk is full");
    }

    private static async Task<NpgsqlConnection> LockAuditLogAsync(TestLedger ledger)
    {
        var holder = new NpgsqlConnection(ledger.DbArgument);
        await holder.OpenAsync();
        await using var command = holder.CreateCommand();
        command.CommandText = "BEGIN; LOCK TABLE audit_log IN EXCLUSIVE MODE;";
        await command.ExecuteNonQueryAsync();
        return holder;
    }
}
