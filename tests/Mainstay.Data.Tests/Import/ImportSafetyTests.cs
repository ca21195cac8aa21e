using Mainstay.Data.Tests.BurdenSharing;

namespace Mainstay.Data.Tests.Import;

/// <summary>
/// An import never loses data it did not mean to: references between tables hold after it, removals
/// need consent, a scoped file replaces one nation's rows, a dry run changes nothing, and every
/// problem of every file is reported in one run.
/// </summary>
public sealed class ImportSafetyTests
{
    private const string OfferHeader = "id,donor,item,quantity,available,transit_months,recipients,conditions,released";

    /// <summary>
    /// The demo ledger, and DE's offers as a file of their own (offers-de.csv), as a desk would keep them.
    /// </summary>
    private static async Task<(TestLedger Ledger, string[] DeOffers)> DemoWithDeOffersAsync(string database)
    {
        var ledger = await DemoLedger.CreateAsync(database);
        var lines = File.ReadAllLines(Path.Combine(ledger.Folder, "demo", "offers.csv"));
        lines[0].ShouldBe(OfferHeader);
        var de = lines.Skip(1).Where(l => l.Split(',')[1] == "DE").ToArray();
        de.Length.ShouldBeGreaterThan(3);
        ledger.WriteFile("offers-de.csv", string.Join('\n', [OfferHeader, .. de]) + "\n");
        return (ledger, de);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task One_desks_file_does_not_remove_the_other_nations_offers_or_leave_deliveries_dangling(
        string database)
    {
        var (ledger, _) = await DemoWithDeOffersAsync(database);
        await using var _ledger = ledger;
        var before = await LedgerState.FingerprintAsync(ledger);

        var unscoped = await ledger.RunAsync("import", "./offers-de.csv", "--kind", "offers");
        var allowed = await ledger.RunAsync("import", "./offers-de.csv", "--kind", "offers", "--allow-removals");

        unscoped.Exit.ShouldBe(2);
        unscoped.Error.ShouldContain("offers-de.csv: would remove");
        unscoped.Error.ShouldContain("nothing is removed unless you allow removals (--allow-removals)");
        allowed.Exit.ShouldBe(2);
        allowed.Error.ShouldMatch(@"offers-de\.csv: offer ""[A-Z]{2}-O\d{4}"" would be removed, but deliveries D\d+-\d+.* still name it in offer");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);

        var scoped = await ledger.RunAsync("import", "./offers-de.csv", "--kind", "offers", "--donor", "DE");
        scoped.Exit.ShouldBe(0, scoped.Error);
        scoped.Out.ShouldContain("offers-de.csv: no changes");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_scoped_import_changes_only_its_nations_rows_and_a_dry_run_changes_nothing(string database)
    {
        var (ledger, de) = await DemoWithDeOffersAsync(database);
        await using var _ledger = ledger;
        var first = de[0].Split(',');
        first[3] = "77777";
        var changed = string.Join(',', first);
        var removedId = de[^1].Split(',')[0];
        ledger.WriteFile("offers-de.csv",
            string.Join('\n', [OfferHeader, changed, .. de[1..^1], "DE-O9999,DE,155mm-shell,5,2026-01,0,*,,no"])
                + "\n");
        var before = await LedgerState.FingerprintAsync(ledger);

        var dry = await ledger.RunAsync("import", "./offers-de.csv", "--kind", "offers", "--donor", "DE",
            "--allow-removals", "--dry-run");
        var foreign = ledger.WriteFile("offers-pl.csv", OfferHeader + "\nPL-O9999,PL,155mm-shell,5,2026-01,0,*,,no\n");
        var wrongNation = await ledger.RunAsync("import", foreign, "--kind", "offers", "--donor", "DE");

        dry.Exit.ShouldBe(0, dry.Error);
        dry.Out.ShouldContain("offers-de.csv: 1 added, 1 changed, 1 removed");
        dry.Out.ShouldContain("Dry run: nothing was changed.");
        wrongNation.Exit.ShouldBe(2);
        wrongNation.Error.ShouldContain("offers-pl.csv:2: donor: is PL; this import (--donor DE) holds only DE's rows");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);

        var real = await ledger.RunAsync("import", "./offers-de.csv", "--kind", "offers", "--donor", "DE",
            "--allow-removals");
        real.Exit.ShouldBe(removedIsDelivered(ledger, removedId) ? 2 : 0, real.Error);
        (await ledger.RunAsync("list", "offers", "--limit", "100000")).Out.Contains(" PL-O", StringComparison.Ordinal)
            .ShouldBeTrue();
    }

    private static bool removedIsDelivered(TestLedger ledger, string offer) =>
        File.ReadAllLines(Path.Combine(ledger.Folder, "demo", "deliveries.csv")).Any(l => l.Split(',')[1] == offer);

    [Theory]
    [MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task References_to_rows_that_do_not_exist_are_refused_with_every_problem_in_one_run(string database)
    {
        var (ledger, _) = await DemoWithDeOffersAsync(database);
        await using var _ledger = ledger;
        var before = await LedgerState.FingerprintAsync(ledger);
        ledger.WriteFile("deliveries.csv",
            "id,offer,recipient,quantity,delivered_on,source\nD-9001,ZZ-O0001,UA,1,2025-05-01,note\n");
        ledger.WriteFile("requirements.csv", "id,recipient,item,quantity,priority,need_by,useful_months\n"
            + "UA-R9001,UA,155mm-shel,10,1,2026-01,3\nUA-R9002,XX,155mm-shell,10,1,2026-01,3\n"
            + "UA-R9003,UA,155mm-shell,ten,1,2026-01,3\n");

        var run = await ledger.RunAsync("import", "./deliveries.csv", "./requirements.csv", "--allow-removals");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("deliveries.csv:2: offer: no offer \"ZZ-O0001\"");
        run.Error.ShouldContain(
            "requirements.csv:2: item: no item type \"155mm-shel\" in the item catalogue; did "
                + "you mean \"155mm-shell\"?");
        run.Error.ShouldContain("requirements.csv:3: recipient: unknown nation \"XX\"");
        run.Error.ShouldContain("requirements.csv:4: quantity: expected an integer");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Theory]
    [InlineData("DE-O0001,DE,155mm-shell,5,2026-01,0,*,a\u0001b,no",
        "offers.csv:2: conditions: holds the control character U+0001 at character 2")]
    [InlineData("DE-O0001,DE,155mm-shell,5,2026-01,0,*,\u001b[31mred,no",
        "offers.csv:2: conditions: holds the control character U+001B at character 1")]
    [InlineData("US-O0001,DE,155mm-shell,5,2026-01,0,*,,no",
        "offers.csv:2: id: ids that begin with \"US-\" are US's; this offer's donor is DE")]
    public async Task A_cell_with_a_control_character_or_an_id_of_another_nation_is_refused(string row, string expected)
    {
        var (ledger, _) = await DemoWithDeOffersAsync("sqlite");
        await using var _ledger = ledger;
        var before = await LedgerState.FingerprintAsync(ledger);
        ledger.WriteFile("offers.csv", OfferHeader + "\n" + row + "\n");

        var run = await ledger.RunAsync("import", "./offers.csv", "--donor", "DE", "--allow-removals");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain(expected);
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_text_a_cell_may_hold()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv", "code,name,role,currency\nDE,Germany,ally,EUR\n");
        ledger.WriteFile("offers.csv",
            OfferHeader + "\nDE-O1,DE,155mm-shell,5,2026-01,0,*,\"line one\nline\ttwo\",no\n");

        var run = await ledger.RunAsync("import", "./nations.csv", "./offers.csv");

        run.Exit.ShouldBe(0, run.Error);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_dry_run_neither_upgrades_nor_creates_a_ledger(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        await using (var old = await ledger.OpenAsync(upToVersion: 7))
            (await old.SchemaVersionAsync()).ShouldBe(7);
        ledger.WriteFile("nations.csv", "code,name,role,currency\nDE,Germany,ally,EUR\n");

        var run = await ledger.RunAsync("import", "./nations.csv", "--dry-run");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("a dry run neither creates nor upgrades one");
        await using var after = await ledger.OpenRawAsync();
        await using var version = after.CreateCommand();
        version.CommandText = "SELECT MAX(version) FROM mainstay_schema";
        Convert.ToInt32(await version.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(7);
    }

    [Fact]
    public async Task Emptying_the_item_catalogue_that_offers_and_requirements_name_is_refused()
    {
        var (ledger, _) = await DemoWithDeOffersAsync("sqlite");
        await using var _ledger = ledger;
        var before = await LedgerState.FingerprintAsync(ledger);
        ledger.WriteFile("items.csv", "item,capability,unit_value_eur,name\n");

        var run = await ledger.RunAsync("import", "./items.csv", "--allow-removals");

        run.Exit.ShouldBe(2);
        run.Error.ShouldMatch(
            @"items\.csv: item type ""[^""]+"" would be removed, but (offers|requirements) .* still name it in item");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }
}
