namespace Mainstay.Data.Tests.Audit;

public sealed class AuditVerifyTests
{
    private static async Task<TestLedger> WithHistoryAsync(string database)
    {
        var ledger = await TestLedger.WithSamplesAsync(database, ["nations", "offers"]);
        ledger.WriteFile("offers.csv",
            Samples.Offers.Replace("O1,DE,155mm-shell,4000", "O1,DE,155mm-shell,4500", StringComparison.Ordinal));
        (await ledger.RunAsync("import", "./offers.csv")).Exit.ShouldBe(0);
        return ledger;
    }

    /// <summary>Someone with rights on the database can drop the triggers that keep the trail append-only.</summary>
    private static async Task<Mainstay.Data.Storage.LedgerDatabase> OpenAsTamperer(TestLedger ledger)
    {
        var db = await ledger.OpenAsync();
        await db.ExecuteAsync(ledger.Kind == "sqlite"
            ? "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
            : "DROP TRIGGER audit_log_append_only ON audit_log", default);
        return db;
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task The_trail_refuses_updates_and_deletes(string database)
    {
        await using var ledger = await WithHistoryAsync(database);
        await using var db = await ledger.OpenAsync();

        var update =
            await Should.ThrowAsync<System.Data.Common.DbException>(
                () => db.ExecuteAsync("UPDATE audit_log SET actor = 'x' WHERE seq = 1", default));
        var delete =
            await Should.ThrowAsync<System.Data.Common.DbException>(
                () => db.ExecuteAsync("DELETE FROM audit_log WHERE seq = 1", default));

        update.Message.ShouldContain("audit_log is append-only");
        delete.Message.ShouldContain("audit_log is append-only");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task An_untouched_trail_verifies(string database)
    {
        await using var ledger = await WithHistoryAsync(database);

        var run = await ledger.RunAsync("audit", "verify");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldBe("audit trail intact: 10 entries, each chained to the one before; the tables match it\n");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task An_edited_entry_is_reported_as_the_first_altered(string database)
    {
        await using var ledger = await WithHistoryAsync(database);
        await using (var db = await OpenAsTamperer(ledger))
            await db.ExecuteAsync("""UPDATE audit_log SET after = REPLACE(after, '"4000"', '"40"') WHERE seq = 7""",
                default);

        var run = await ledger.RunAsync("audit", "verify");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("audit_log: entry 7 (add offers O1 by");
        run.Error.ShouldContain("was altered: its content does not match its hash");
        run.Error.ShouldContain("audit trail broken at entry 7; the 6 entries before it are intact");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task An_edit_that_also_rewrites_the_hash_breaks_the_link_to_the_next_entry(string database)
    {
        await using var ledger = await WithHistoryAsync(database);
        await using (var db = await OpenAsTamperer(ledger))
            await db.ExecuteAsync("UPDATE audit_log SET actor = 'someone.else', hash = 'ffff' WHERE seq = 3", default);

        var run = await ledger.RunAsync("audit", "verify");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("entry 3 (add nations JP by someone.else");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_removed_entry_is_reported(string database)
    {
        await using var ledger = await WithHistoryAsync(database);
        await using (var db = await OpenAsTamperer(ledger))
            await db.ExecuteAsync("DELETE FROM audit_log WHERE seq = 4", default);

        var run = await ledger.RunAsync("audit", "verify");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("entry 4 is missing (the next entry is 5): entries were removed");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Reordered_entries_are_reported(string database)
    {
        await using var ledger = await WithHistoryAsync(database);
        await using (var db = await OpenAsTamperer(ledger))
        {
            await db.ExecuteAsync("UPDATE audit_log SET seq = -1 WHERE seq = 5", default);
            await db.ExecuteAsync("UPDATE audit_log SET seq = 5 WHERE seq = 6", default);
            await db.ExecuteAsync("UPDATE audit_log SET seq = 6 WHERE seq = -1", default);
        }

        var run = await ledger.RunAsync("audit", "verify");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("entry 5 does not follow entry 4: entries were removed or reordered");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_table_edited_behind_Mainstays_back_is_reported(string database)
    {
        await using var ledger = await WithHistoryAsync(database);
        await using (var db = await ledger.OpenAsync())
            await db.ExecuteAsync("UPDATE offers SET quantity = 1 WHERE id = 'O2'", default);

        var run = await ledger.RunAsync("audit", "verify");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain(
            "offers O2: the table holds "
                + "{\"id\":\"O2\",\"donor\":\"PL\",\"item\":\"generator-100kva\",\"quantity\":\"1\"");
        run.Error.ShouldContain("the audit trail is intact (10 entries), but the tables were changed outside Mainstay");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_row_deleted_behind_Mainstays_back_is_reported(string database)
    {
        await using var ledger = await WithHistoryAsync(database);
        await using (var db = await ledger.OpenAsync())
            await db.ExecuteAsync("DELETE FROM offers WHERE id = 'O3'", default);

        var run = await ledger.RunAsync("audit", "verify");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("offers O3: the audit trail says the row exists, but the table does not hold it");
    }
}
