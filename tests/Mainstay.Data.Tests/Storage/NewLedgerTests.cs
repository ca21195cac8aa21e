using Mainstay.Cli;
using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Tests.Storage;

/// <summary>
/// A ledger that an import creates appears only when the import succeeds, and a failure never deletes a file.
/// </summary>
public sealed class NewLedgerTests
{
    private const string BadOffers =
        "id,donor,item,quantity,available,transit_months,recipients,conditions\nO1,DE,155mm-shell,-5,2025-01,1,*,\n";

    [Fact]
    public async Task A_failed_import_keeps_the_ledger_another_import_created_while_it_ran()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv", Samples.Nations);
        var offers = LocalFiles.Pipe(ledger.Folder, "offers.csv");

        // The first import finds no ledger, then waits for its file, which the test holds back
        // until a second import has created the ledger and committed to it.
        var first = Task.Run(() => ledger.RunAsync("import", "./offers.csv"));
        await using (var pipe = await Task.Run(() => new FileStream(offers, FileMode.Open, FileAccess.Write))
            .WaitAsync(TimeSpan.FromSeconds(30)))
        {
            var second = await ledger.RunAsync("import", "./nations.csv");
            second.Exit.ShouldBe(0, second.Error);
            await pipe.WriteAsync(System.Text.Encoding.UTF8.GetBytes(BadOffers));
        }
        var failed = await first.WaitAsync(TimeSpan.FromSeconds(30));

        failed.Exit.ShouldBe(2);
        failed.Error.ShouldContain("offers.csv:2: quantity");
        var nations = await ledger.RunAsync("list", "nations");
        nations.Exit.ShouldBe(0, nations.Error);
        nations.Out.ShouldContain("6 nations rows");
    }

    [Fact]
    public async Task A_failed_import_into_a_new_ledger_leaves_no_file_behind()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("offers.csv", Samples.Offers);

        var run = await ledger.RunAsync("import", "./offers.csv"); // no nations: the offers' donors are unknown

        run.Exit.ShouldBe(2);
        Directory.GetFiles(ledger.Folder).Select(Path.GetFileName).ShouldBe(["offers.csv"]);
    }

    [Fact]
    public async Task A_write_whose_new_ledger_another_process_created_meanwhile_runs_again_on_theirs()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv", Samples.Nations);
        var context = new CliContext(TextWriter.Null, TextWriter.Null, ledger.Clock, _ => null);
        var building = new List<string?>();

        var (result, exit) = await CommonOptions.WithNewOrExistingLedgerAsync(ledger.Target, context, default,
            async db =>
        {
            building.Add(db.Target.SqlitePath);
            if (building.Count == 1) // another process creates the ledger while this write runs on a new one
                (await ledger.RunAsync("import", "./nations.csv")).Exit.ShouldBe(0);
            return (await LedgerTables.CountAsync(db, LedgerKinds.Nations, default)).ToString(
                System.Globalization.CultureInfo.InvariantCulture);
        }, keep: _ => true);

        exit.ShouldBe(0);
        building.Count.ShouldBe(2);
        building[0].ShouldNotBe(ledger.DbArgument);
        building[1].ShouldBe(ledger.DbArgument);
        result.ShouldBe("6");
        Directory.GetFiles(ledger.Folder).Select(Path.GetFileName).Order().ShouldBe(["ledger.db", "nations.csv"]);
    }

    [Fact]
    public async Task A_new_ledger_is_never_moved_over_a_file_that_appeared_meanwhile()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        var fresh = NewLedgerFile.For(ledger.Target)!;
        await (await LedgerDatabase.OpenAsync(fresh.Target, ledger.Clock)).Value.DisposeAsync();
        File.WriteAllText(ledger.DbArgument, "another process's file");

        fresh.Publish().ShouldBeFalse();

        File.ReadAllText(ledger.DbArgument).ShouldBe("another process's file");
        Directory.GetFiles(ledger.Folder).ShouldBe([ledger.DbArgument]);
    }
}
