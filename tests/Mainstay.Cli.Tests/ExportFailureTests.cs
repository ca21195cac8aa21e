using Mainstay.Data.Tests;

namespace Mainstay.Cli.Tests;

/// <summary>An export that fails leaves the files as they were, and says so truthfully.</summary>
public sealed class ExportFailureTests
{
    private static async Task<TestLedger> WithoutDeliveriesTableAsync()
    {
        // The last table cannot be read: the export fails after writing every other file.
        var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations", "requirements", "offers"]);
        await using var raw = await ledger.OpenRawAsync();
        await using var drop = raw.CreateCommand();
        drop.CommandText = "DROP TABLE deliveries";
        await drop.ExecuteNonQueryAsync();
        return ledger;
    }

    [Fact]
    public async Task A_failed_export_into_a_new_folder_leaves_no_folder_and_says_no_file_was_written()
    {
        await using var ledger = await WithoutDeliveriesTableAsync();

        var run = await ledger.RunAsync("export", "--out", "./out");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("no file was written");
        run.Error.ShouldNotContain("nothing was changed");
        Directory.Exists(Path.Combine(ledger.Folder, "out")).ShouldBeFalse();
        Directory.GetFileSystemEntries(ledger.Folder).Select(Path.GetFileName).Order()
            .ShouldBe(["ledger.db", "nations.csv", "offers.csv", "requirements.csv"]);
    }

    [Fact]
    public async Task A_failed_export_into_an_existing_folder_leaves_the_earlier_export_as_it_was()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations", "requirements", "offers"]);
        (await ledger.RunAsync("export", "--out", "./out")).Exit.ShouldBe(0);
        var before = Directory.GetFiles(Path.Combine(ledger.Folder, "out"))
            .ToDictionary(p => Path.GetFileName(p), File.ReadAllText);
        ledger.WriteFile("nations.csv", Samples.Nations.Replace("Germany", "Deutschland", StringComparison.Ordinal));
        (await ledger.RunAsync("import", "./nations.csv")).Exit.ShouldBe(0);
        await using (var raw = await ledger.OpenRawAsync())
        {
            await using var drop = raw.CreateCommand();
            drop.CommandText = "DROP TABLE deliveries";
            await drop.ExecuteNonQueryAsync();
        }

        var run = await ledger.RunAsync("export", "--out", "./out");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("no file was written");
        Directory.GetFileSystemEntries(Path.Combine(ledger.Folder, "out"))
            .ToDictionary(p => Path.GetFileName(p), File.ReadAllText).ShouldBe(before);
    }

    [Fact]
    public async Task A_folder_where_a_file_should_go_is_refused_before_anything_is_written()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations", "requirements", "offers"]);
        Directory.CreateDirectory(Path.Combine(ledger.Folder, "out", "offers.csv"));

        var run = await ledger.RunAsync("export", "--out", "./out");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("offers.csv: is a folder, not a file; no file was written");
        Directory.GetFileSystemEntries(Path.Combine(ledger.Folder, "out")).Select(Path.GetFileName)
            .ShouldBe(["offers.csv"]);
    }

    [Fact]
    public async Task Named_files_are_written_all_or_none()
    {
        await using var ledger = await WithoutDeliveriesTableAsync();

        var run = await ledger.RunAsync("export", "./nations-out.csv", "./deliveries-out.csv", "--kind", "deliveries");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("no file was written");
        File.Exists(Path.Combine(ledger.Folder, "nations-out.csv")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_export_that_succeeds_leaves_only_its_files()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations", "requirements", "offers"]);

        var run = await ledger.RunAsync("export", "--out", "./out", "--format", "xlsx");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("offers.xlsx: 3 offers rows");
        Directory.GetFileSystemEntries(Path.Combine(ledger.Folder, "out")).Length.ShouldBe(
            Mainstay.Data.Ledger.LedgerKinds.All.Count);
        Directory.GetFileSystemEntries(ledger.Folder).Select(Path.GetFileName).Order()
            .ShouldBe(["ledger.db", "nations.csv", "offers.csv", "out", "requirements.csv"]);
    }
}
