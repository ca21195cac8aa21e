using Mainstay.Access;
using Mainstay.Data.Ledger;
using Mainstay.Data.Ledger.Rows;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Tests.Ledger;

/// <summary>Adding, changing and removing one row through the use cases every front end calls.</summary>
public sealed class RowEditTests
{
    private static User Coordinator(TestLedger ledger) => new("coord", Role.Coordinator, null, false, ledger.Clock.Now);

    [Fact]
    public async Task A_link_that_closes_a_loop_through_a_chain_of_contributions_is_refused_naming_the_loop()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        (await ledger.RunAsync("demo", "--db", ledger.DbArgument)).Exit.ShouldBe(0);
        await using var db = await ledger.OpenAsync();
        var coord = Coordinator(ledger);
        var kind = LedgerKinds.Contributions;
        var funded = kind.ColumnIndex("funded_by");
        var fuel = (await LedgerTables.LoadAsync(db, kind, null, CancellationToken.None))["CAP25-BUY-FUEL"];
        fuel[funded].ShouldBe("CAP25-DE");
        foreach (var (id, link) in new[] { ("DE-CHAIN-1", "CAP25-BUY-FUEL"), ("DE-CHAIN-2", "DE-CHAIN-1") })
        {
            string[] cells = [.. fuel];
            (cells[0], cells[funded]) = (id, link);
            (await AddRow.HandleAsync(db, new(kind, cells), coord, ledger.Clock, default)).Ok.ShouldBeTrue(id);
        }
        var root = (await ReadRow.HandleAsync(SeenRows.From(db), new(kind, "CAP25-DE"), coord, default)).Cells!;
        string[] looped = [.. root];
        looped[funded] = "DE-CHAIN-2";

        var outcome = await ChangeRow.HandleAsync(
            db, new(kind, "CAP25-DE", looped, RowETag.Of(root)), coord, ledger.Clock, default);

        outcome.Refusal.ShouldBe(Refusal.Invalid);
        outcome.Problems.Select(p => p.Message).ShouldBe(
            ["the links form a loop: CAP25-BUY-FUEL → CAP25-DE → DE-CHAIN-2 → DE-CHAIN-1 → CAP25-BUY-FUEL"]);
        (await LedgerTables.LoadAsync(db, kind, null, default))["CAP25-DE"].ShouldBe(root);
    }

    [Fact]
    public async Task A_coordinator_renames_a_nation_by_changing_its_row_alone()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        (await ledger.RunAsync("demo", "--db", ledger.DbArgument)).Exit.ShouldBe(0);
        await using var db = await ledger.OpenAsync();
        var kind = LedgerKinds.Nations;
        var before = (await LedgerTables.LoadAsync(db, kind, null, default)).Count;
        var read = await ReadRow.HandleAsync(SeenRows.From(db), new(kind, "AL"), null, default);
        string[] renamed = [.. read.Cells!];
        renamed[1] = "Republic of Albania";

        var outcome = await ChangeRow.HandleAsync(
            db, new(kind, "AL", renamed, read.ETag), Coordinator(ledger), ledger.Clock, default);

        outcome.Problems.ShouldBeEmpty();
        outcome.Saved.ShouldBe(renamed);
        var after = await LedgerTables.LoadAsync(db, kind, null, default);
        after.Count.ShouldBe(before);
        after["AL"][1].ShouldBe("Republic of Albania");
    }

    [Fact]
    public async Task A_removal_of_a_nation_still_named_is_refused_with_what_names_it()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        (await ledger.RunAsync("demo", "--db", ledger.DbArgument)).Exit.ShouldBe(0);
        await using var db = await ledger.OpenAsync();
        var read = await ReadRow.HandleAsync(SeenRows.From(db), new(LedgerKinds.Nations, "PL"), null, default);

        var outcome = await RemoveRow.HandleAsync(
            db, new(LedgerKinds.Nations, "PL", read.ETag), Coordinator(ledger), ledger.Clock, default);

        outcome.Refusal.ShouldBe(Refusal.Invalid);
        outcome.Problems.ShouldContain(
            p => p.Message.StartsWith("nation PL would be removed but ", StringComparison.Ordinal)
            && p.Message.Contains("offers row(s) still name it in donor", StringComparison.Ordinal));
    }
}
