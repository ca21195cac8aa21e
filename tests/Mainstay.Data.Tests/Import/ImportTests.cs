using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Tests.Import;

public sealed class ImportTests
{
    private static Task<TestLedger> WithSamplesAsync(string database) =>
        TestLedger.WithSamplesAsync(database, ["nations", "requirements", "offers", "pledges"], "--user",
            "coordinator.anna");

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Importing_files_stores_every_row_and_reports_what_was_added(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        ledger.WriteFile("nations.csv", Samples.Nations);
        ledger.WriteFile("offers.csv", Samples.Offers);

        var run = await ledger.RunAsync("import", "./offers.csv", "./nations.csv");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("nations.csv: 6 added, 0 changed, 0 removed, 0 unchanged");
        run.Out.ShouldContain("offers.csv: 3 added, 0 changed, 0 removed, 0 unchanged");
        await using var db = await ledger.OpenAsync();
        var offers = await LedgerReader.LoadAsync(db, LedgerKinds.Offers);
        offers.Select(o => o.Id).ShouldBe(["O1", "O2", "O3"]);
        offers[1].Recipients.Allows("MD").ShouldBeTrue();
        offers[1].Recipients.Allows("GE").ShouldBeFalse();
        offers[2].Conditions.ShouldBe("End use: civilian demining only, \"no re-export\"");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Reimporting_the_same_files_changes_nothing_and_says_so(string database)
    {
        await using var ledger = await WithSamplesAsync(database);
        var before = await LedgerState.FingerprintAsync(ledger);

        var run = await ledger.RunAsync("import", "./nations.csv", "./requirements.csv", "./offers.csv",
            "./pledges.csv");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("offers.csv: no changes (3 offers rows already up to date)");
        run.Out.ShouldContain("Nothing changed: the ledger already matches these files.");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_changed_file_updates_by_id_and_reports_added_changed_and_removed(string database)
    {
        await using var ledger = await WithSamplesAsync(database);
        ledger.WriteFile("offers.csv", """
            id,donor,item,quantity,available,transit_months,recipients
            O1,DE,155mm-shell,5000,2025-01,1,*
            O2,PL,generator-100kva,120,2025-09,0,UA;MD
            O4,JP,demining-kit,30,2025-08,3,*
            """);

        var refused = await ledger.RunAsync("import", "./offers.csv");
        refused.Exit.ShouldBe(2);
        refused.Error.ShouldContain("offers.csv: would remove 1 row(s) of offers that the file does not hold (O3)");
        var run = await ledger.RunAsync("import", "./offers.csv", "--allow-removals");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("offers.csv: 1 added, 1 changed, 1 removed, 1 unchanged");
        await using var db = await ledger.OpenAsync();
        var offers = await LedgerReader.LoadAsync(db, LedgerKinds.Offers);
        offers.Select(o => $"{o.Id}:{o.Quantity}").ShouldBe(["O1:5000", "O2:120", "O4:30"]);
        var audit = await AuditRows(db, "offers");
        audit.ShouldContain(e => e.Action == "change" && e.Key == "O1" && e.Actor != "coordinator.anna");
        audit.ShouldContain(e => e.Action == "remove" && e.Key == "O3");
        audit.ShouldContain(e => e.Action == "add" && e.Key == "O4");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Every_change_is_in_the_audit_trail_with_who_when_and_before_and_after(string database)
    {
        await using var ledger = await WithSamplesAsync(database);
        ledger.Clock.Now = new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);
        ledger.WriteFile("requirements.csv",
            Samples.Requirements.Replace("R2,UA,generator-100kva,200,2", "R2,UA,generator-100kva,250,1",
                StringComparison.Ordinal));

        var run = await ledger.RunAsync("import", "./requirements.csv", "--user", "ua.officer");

        run.Exit.ShouldBe(0, run.Error);
        await using var db = await ledger.OpenAsync();
        await using var command = db.CreateCommand(
            "SELECT actor, at, before, after FROM audit_log WHERE entity = 'requirements' AND action = 'change'");
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetString(0).ShouldBe("ua.officer");
        reader.GetString(1).ShouldBe("2026-12-01T10:30:00.0000000Z");
        reader.GetString(2).ShouldBe("""{"id":"R2","recipient":"UA","item":"generator-100kva","quantity":"200","priority":"2","need_by":"2025-11","useful_months":"3"}""");
        reader.GetString(3).ShouldBe("""{"id":"R2","recipient":"UA","item":"generator-100kva","quantity":"250","priority":"1","need_by":"2025-11","useful_months":"3"}""");
        (await reader.ReadAsync()).ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_file_whose_name_does_not_say_its_kind_needs_kind(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        ledger.WriteFile("from-ministry.csv", Samples.Nations);

        var unnamed = await ledger.RunAsync("import", "./from-ministry.csv");
        var named = await ledger.RunAsync("import", "./from-ministry.csv", "--kind", "nations");

        unnamed.Exit.ShouldBe(2);
        unnamed.Error.ShouldContain("from-ministry.csv: cannot tell what the file holds from its name");
        named.Exit.ShouldBe(0, named.Error);
        named.Out.ShouldContain("6 added");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Removing_a_nation_that_offers_still_name_is_refused(string database)
    {
        await using var ledger = await WithSamplesAsync(database);
        var before = await LedgerState.FingerprintAsync(ledger);
        ledger.WriteFile("nations.csv", Samples.Nations.Replace("PL,Poland,ally,PLN\n", "", StringComparison.Ordinal));

        var run = await ledger.RunAsync("import", "./nations.csv");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain(
            "nations.csv: code: nation PL would be removed but 1 offers row(s) still name it in donor");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    private static async Task<List<(string Action, string Key, string Actor, bool HasBefore)>> AuditRows(
        LedgerDatabase db, string entity)
    {
        await using var command = db.CreateCommand(
            "SELECT action, entity_key, actor, before FROM audit_log WHERE entity = @e ORDER BY seq", null,
            ("e", entity));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string, bool)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), !reader.IsDBNull(3)));
        return rows;
    }

    [Fact]
    public async Task A_rejected_import_does_not_create_the_ledger()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv", "code,name,role,currency\nDE,Germany,ally,EUX\n");

        var run = await ledger.RunAsync("import", "./nations.csv");

        run.Exit.ShouldBe(2);
        File.Exists(ledger.DbArgument).ShouldBeFalse();
    }

    [Fact]
    public async Task A_rejected_reference_check_does_not_leave_a_new_ledger_behind()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("offers.csv", Samples.Offers);

        var run = await ledger.RunAsync("import", "./offers.csv");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("offers.csv:2: donor: unknown nation \"DE\"");
        File.Exists(ledger.DbArgument).ShouldBeFalse();
    }

    [Fact]
    public async Task Bad_files_leave_an_older_ledger_at_its_schema_version()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        await (await ledger.OpenAsync(upToVersion: 1)).DisposeAsync();
        ledger.WriteFile("nations.csv", "code,name,role,currency\nDE,Germany,ally,EUX\n");

        (await ledger.RunAsync("import", "./nations.csv")).Exit.ShouldBe(2);

        await using var raw = await ledger.OpenRawAsync();
        await using var command = raw.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM mainstay_schema";
        Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(1);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("export", "--out", "./out")]
    [InlineData("audit", "verify")]
    public async Task Reading_commands_do_not_create_a_ledger_that_is_not_there(params string[] command)
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");

        var run = await ledger.RunAsync(command);

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("no Mainstay ledger here; create one with 'mainstay init'");
        File.Exists(ledger.DbArgument).ShouldBeFalse();
    }

    [Fact]
    public async Task A_quote_inside_a_value_and_rows_of_empty_cells_are_fine()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("items.csv",
            "item,capability,unit_value_eur,name\nbarrel,artillery,5000,12\" barrel\n,,,\n\n");

        var run = await ledger.RunAsync("import", "./items.csv");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("items.csv: 1 added");
    }
}
