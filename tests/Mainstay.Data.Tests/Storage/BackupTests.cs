using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mainstay.Data.Tests.Storage;

/// <summary><c>mainstay backup</c> and <c>restore</c> on SQLite, and pg_dump / pg_restore on PostgreSQL.</summary>
public sealed class BackupTests
{
    private const string Password = "correct horse battery staple";

    /// <summary>Nations, requirements and offers, a user and a stored plan: what an export would not carry.</summary>
    private static async Task<TestLedger> FullLedgerAsync(string database)
    {
        var ledger = await TestLedger.WithSamplesAsync(database, ["nations", "requirements", "offers"]);
        (await ledger.RunWithInputAsync(Password, "user", "add", "anna", "--role", "coordinator")).Exit.ShouldBe(0);
        (await ledger.RunAsync("plan")).Exit.ShouldBe(0);
        return ledger;
    }

    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<long> CountAsync(string sqliteFile, string table)
    {
        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = sqliteFile, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return await CountAsync(connection, table);
    }

    [Fact]
    public async Task A_backup_holds_the_writes_that_copying_the_file_of_a_served_ledger_loses()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations"]);
        // An open reader, as a server keeps, so the next commit stays in the write-ahead log.
        await using var server = new SqliteConnection(ledger.Target.ConnectionString);
        await server.OpenAsync();
        (await CountAsync(server, "nations")).ShouldBe(6);
        ledger.WriteFile("offers.csv", Samples.Offers);
        (await ledger.RunAsync("import", "./offers.csv")).Exit.ShouldBe(0);

        File.Copy(ledger.DbArgument, Path.Combine(ledger.Folder, "copied.db"));
        var backup = await ledger.RunAsync("backup", "./backup.db");

        (await CountAsync(Path.Combine(ledger.Folder, "copied.db"), "offers")).ShouldBe(0);
        backup.Exit.ShouldBe(0, backup.Error);
        backup.Out.ShouldContain("backup.db: backup of ");
        backup.Out.ShouldContain("audit trail intact (9 entries) and the tables match it");
        (await CountAsync(Path.Combine(ledger.Folder, "backup.db"), "offers")).ShouldBe(3);
        var verify = await ledger.RunAsync("audit", "verify", "--db", Path.Combine(ledger.Folder, "backup.db"));
        verify.Exit.ShouldBe(0, verify.Error);
    }

    [Fact]
    public async Task A_backup_taken_while_others_write_is_consistent_and_keeps_every_earlier_commit()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations"]);
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                var file = ledger.WriteFile($"nations-{i}.csv",
                    Samples.Nations.Replace("Germany", $"Germany {i}", StringComparison.Ordinal));
                var run = await ledger.RunAsync("import", file, "--kind", "nations");
                run.Exit.ShouldBe(0, run.Error);
            }
        });

        var backups = 0;
        while (!writing.IsCompleted || backups == 0)
        {
            long committed;
            await using (var reader = new SqliteConnection(ledger.Target.ConnectionString))
            {
                await reader.OpenAsync();
                committed = await CountAsync(reader, "audit_log");
            }
            var path = Path.Combine(ledger.Folder, $"backup-{backups++}.db");
            var backup = await ledger.RunAsync("backup", path);

            backup.Exit.ShouldBe(0, backup.Error);
            backup.Out.ShouldContain("and the tables match it");
            (await CountAsync(path, "audit_log")).ShouldBeGreaterThanOrEqualTo(committed);
        }
        await writing;
        backups.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Backup_then_restore_keeps_the_audit_history_users_and_plans()
    {
        await using var ledger = await FullLedgerAsync("sqlite");
        var entries = await CountAsync(ledger.DbArgument, "audit_log");

        var backup = await ledger.RunAsync("backup", "./backup.db");
        var restore = await ledger.RunAsync("restore", "./backup.db", "--db", "./restored.db");
        var restored = Path.Combine(ledger.Folder, "restored.db");

        backup.Exit.ShouldBe(0, backup.Error);
        restore.Exit.ShouldBe(0, restore.Error);
        restore.Out.ShouldContain(
            $"restored from {Path.Combine(ledger.Folder, "backup.db")}: audit trail intact ({entries} entries)");
        var verify = await ledger.RunAsync("audit", "verify", "--db", restored);
        verify.Exit.ShouldBe(0, verify.Error);
        verify.Out.ShouldContain($"audit trail intact: {entries} entries");
        (await ledger.RunAsync("user", "list", "--db", restored)).Out.ShouldContain("anna");
        (await ledger.RunAsync("plan", "list", "--db", restored)).Out.ShouldContain("plan 1 ");
        (await ledger.RunAsync("list", "offers", "--db", restored)).Out.ShouldContain("3 offers rows");
    }

    [Fact]
    public async Task Restore_replaces_a_ledger_in_use_so_that_its_open_connection_sees_the_backup()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations"]);
        (await ledger.RunAsync("backup", "./backup.db")).Exit.ShouldBe(0);
        ledger.WriteFile("offers.csv", Samples.Offers);
        (await ledger.RunAsync("import", "./offers.csv")).Exit.ShouldBe(0);
        await using var server = new SqliteConnection(ledger.Target.ConnectionString);
        await server.OpenAsync();
        (await CountAsync(server, "offers")).ShouldBe(3);

        var refused = await ledger.RunAsync("restore", "./backup.db");
        var restore = await ledger.RunAsync("restore", "./backup.db", "--force");

        refused.Exit.ShouldBe(2);
        refused.Error.ShouldContain("exists; --force replaces it; nothing was restored");
        restore.Exit.ShouldBe(0, restore.Error);
        (await CountAsync(server, "offers")).ShouldBe(0);
        (await ledger.RunAsync("audit", "verify")).Exit.ShouldBe(0);
    }

    [Fact]
    public async Task Restore_refuses_a_backup_that_does_not_verify_and_leaves_the_ledger_as_it_was()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations"]);
        (await ledger.RunAsync("backup", "./backup.db")).Exit.ShouldBe(0);
        await using (var tamper = new SqliteConnection(
            $"Data Source={Path.Combine(ledger.Folder, "backup.db")};Pooling=False"))
        {
            await tamper.OpenAsync();
            await using var command = tamper.CreateCommand();
            command.CommandText = "UPDATE nations SET name = 'Prussia' WHERE code = 'DE'";
            await command.ExecuteNonQueryAsync();
        }
        var before = File.ReadAllBytes(ledger.DbArgument);

        var restore = await ledger.RunAsync("restore", "./backup.db", "--force");
        var notALedger = await ledger.RunAsync("restore", "./nations.csv", "--force");

        restore.Exit.ShouldBe(2);
        restore.Error.ShouldContain("backup.db: not a sound backup: the tables were changed outside Mainstay");
        restore.Error.ShouldContain("nothing was restored");
        notALedger.Exit.ShouldBe(2);
        notALedger.Error.ShouldContain("nations.csv: not a Mainstay database");
        File.ReadAllBytes(ledger.DbArgument).ShouldBe(before);
    }

    [Fact]
    public async Task Backup_does_not_overwrite_a_file_unless_told()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations"]);
        var existing = ledger.WriteFile("backup.db", "an older backup");

        var refused = await ledger.RunAsync("backup", "./backup.db");
        var forced = await ledger.RunAsync("backup", "./backup.db", "--force");
        var itself = await ledger.RunAsync("backup", ledger.DbArgument, "--force");

        refused.Exit.ShouldBe(2);
        refused.Error.ShouldContain("backup.db: exists; --force replaces it; nothing was written");
        forced.Exit.ShouldBe(0, forced.Error);
        (await CountAsync(existing, "nations")).ShouldBe(6);
        itself.Exit.ShouldBe(2);
        itself.Error.ShouldContain("is the ledger itself");
        Directory.GetFiles(ledger.Folder).Select(Path.GetFileName).Order()
            .ShouldBe(["backup.db", "ledger.db", "nations.csv"]);
    }

    [Fact]
    public async Task Backup_and_restore_send_PostgreSQL_ledgers_to_pg_dump()
    {
        await using var ledger = await TestLedger.CreateAsync("postgres");

        var backup = await ledger.RunAsync("backup", "./backup.db");
        var restore = await ledger.RunAsync("restore", "./backup.db");

        backup.Exit.ShouldBe(2);
        backup.Error.ShouldContain("a PostgreSQL ledger is backed up with pg_dump and restored with pg_restore");
        restore.Exit.ShouldBe(2);
        restore.Error.ShouldContain("restored with pg_restore");
    }

    [Fact]
    public async Task A_PostgreSQL_ledger_dumped_with_pg_dump_and_restored_with_pg_restore_verifies()
    {
        await using var ledger = await FullLedgerAsync("postgres");
        await using var restored = await TestLedger.CreateAsync("postgres");
        var dump = Path.Combine(ledger.Folder, "ledger.dump");

        PostgresTool("pg_dump", ledger, "--format=custom", "--file", dump);
        PostgresTool("pg_restore", restored, "--no-owner", dump);

        var verify = await restored.RunAsync("audit", "verify");
        verify.Exit.ShouldBe(0, verify.Error);
        await using var original = await ledger.OpenRawAsync();
        verify.Out.ShouldContain($"audit trail intact: {await CountAsync(original, "audit_log")} entries");
        (await restored.RunAsync("user", "list")).Out.ShouldContain("anna");
        (await restored.RunAsync("plan", "list")).Out.ShouldContain("plan 1 ");
        restored.WriteFile("more-offers.csv", Samples.Offers.Replace("O3,GB", "O4,GB", StringComparison.Ordinal));
        var import = await restored.RunAsync("import", "./more-offers.csv", "--kind", "offers", "--allow-removals");
        import.Exit.ShouldBe(0, import.Error); // the restored ledger takes writes: its triggers and chain are whole
        (await restored.RunAsync("audit", "verify")).Exit.ShouldBe(0);
    }

    /// <summary>
    /// Runs a PostgreSQL client program of the server's version on <paramref name="ledger"/>'s database.
    /// </summary>
    private static void PostgresTool(string program, TestLedger ledger, params string[] args)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .OrderBy(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture)).LastOrDefault();
        var path = bin is null ? null : Path.Combine(bin, "bin", program);
        File.Exists(path).ShouldBeTrue($"{program} is installed with PostgreSQL, under /usr/lib/postgresql/*/bin");
        var connection = new NpgsqlConnectionStringBuilder(ledger.DbArgument);
        using var process =
            Process.Start(
                new ProcessStartInfo(path!,
                    ["--host", connection.Host!, "--port", connection.Port.ToString(CultureInfo.InvariantCulture),
            "--username", connection.Username!, "--dbname", connection.Database!,
            .. args]) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{program}: {error}");
    }
}
