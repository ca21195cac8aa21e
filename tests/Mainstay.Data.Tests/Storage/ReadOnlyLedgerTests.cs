using Mainstay.Data.Storage;

namespace Mainstay.Data.Tests.Storage;

/// <summary>
/// Commands that only read never write: not a schema into an empty file, not an upgrade, not to a protected ledger.
/// </summary>
public sealed class ReadOnlyLedgerTests
{
    public static TheoryData<string[]> ReadingCommands =>
        new(["list"], ["audit", "verify"], ["export", "--out", "./out"], ["plan", "list"], ["user", "list"],
            ["backup", "./backup.db"]);

    [Theory, MemberData(nameof(ReadingCommands))]
    public async Task An_empty_file_is_not_taken_for_an_empty_ledger(string[] command)
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        File.WriteAllBytes(ledger.DbArgument, []);

        var run = await ledger.RunAsync(command);

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain($"{ledger.DbArgument}: not a Mainstay ledger: the file is empty (0 bytes)");
        new FileInfo(ledger.DbArgument).Length.ShouldBe(0);
        Directory.GetFileSystemEntries(ledger.Folder).ShouldBe([ledger.DbArgument]);
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_database_without_tables_is_not_a_ledger_and_stays_without_tables(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        await using (var raw = await ledger.OpenRawAsync())
        {
            await using var command = raw.CreateCommand();
            command.CommandText = "CREATE TABLE scratch (x INTEGER); DROP TABLE scratch;"; // a real, empty database
            await command.ExecuteNonQueryAsync();
        }

        var list = await ledger.RunAsync("list");
        var verify = await ledger.RunAsync("audit", "verify");

        list.Exit.ShouldBe(2);
        list.Error.ShouldContain("not a Mainstay ledger: the database is empty");
        verify.Exit.ShouldBe(2);
        await using var check = await ledger.OpenRawAsync();
        await using var tables = check.CreateCommand();
        tables.CommandText = ledger.Kind == "sqlite"
            ? "SELECT COUNT(*) FROM sqlite_master"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()";
        Convert.ToInt32(await tables.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(0);
    }

    [Fact]
    public async Task An_older_ledger_is_not_upgraded_by_a_reading_command()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        await (await ledger.OpenAsync(upToVersion: 1)).DisposeAsync();

        var run = await ledger.RunAsync("audit", "verify");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain(
            $"written by an older version of Mainstay (schema version 1 of {Migrations.Latest}); upgrade it "
                + $"with 'mainstay init' first");
        await using var raw = await ledger.OpenRawAsync();
        await using var version = raw.CreateCommand();
        version.CommandText = "SELECT MAX(version) FROM mainstay_schema";
        Convert.ToInt32(await version.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(1);
    }

    [Fact]
    public async Task A_ledger_in_a_read_only_folder_can_be_verified_listed_and_exported()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations", "requirements", "offers"]);
        var before = File.ReadAllBytes(ledger.DbArgument);
        var export = Path.Combine(Directory.CreateTempSubdirectory("mainstay-export-").FullName, "out");

        CliRun verify, list, exported;
        using (LocalFiles.Protect(ledger.DbArgument, ledger.Folder))
        {
            verify = await ledger.RunAsync("audit", "verify");
            list = await ledger.RunAsync("list", "offers");
            exported = await ledger.RunAsync("export", "--out", export);
        }

        verify.Exit.ShouldBe(0, verify.Error);
        verify.Out.ShouldContain("audit trail intact");
        list.Exit.ShouldBe(0, list.Error);
        list.Out.ShouldContain("3 offers rows");
        exported.Exit.ShouldBe(0, exported.Error);
        File.ReadAllText(Path.Combine(export, "offers.csv")).ShouldStartWith("id,donor,item");
        File.ReadAllBytes(ledger.DbArgument).ShouldBe(before);
        Directory.Delete(Path.GetDirectoryName(export)!, true);
    }

    [Fact]
    public async Task A_write_protected_ledger_file_is_read_without_a_write()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations"]);
        var before = File.ReadAllBytes(ledger.DbArgument);

        CliRun verify;
        using (LocalFiles.Protect(ledger.DbArgument))
            verify = await ledger.RunAsync("audit", "verify");

        verify.Exit.ShouldBe(0, verify.Error);
        File.ReadAllBytes(ledger.DbArgument).ShouldBe(before);
    }
}
