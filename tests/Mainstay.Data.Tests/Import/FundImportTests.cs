namespace Mainstay.Data.Tests.Import;

/// <summary>
/// Funds and procurement options import and export like every table: all or nothing, every problem
/// listed as <c>file:line: column: message</c>, and the references they make kept whole.
/// </summary>
public sealed class FundImportTests
{
    private const string Items = """
        item,capability,unit_value_eur,name
        155mm-shell,artillery,4000,155 mm artillery shell
        patriot-pac3-mse,air-missile-defence,4000000,Patriot PAC-3 MSE interceptor
        demining-kit,demining,12000,Manual demining kit
        """;

    private const string FundHeader = "id,donor,amount_eur,available,items,recipients,pledge,released\n";

    private const string Funds = FundHeader + """
        DE-PURL-1,DE,430000000,2025-08,155mm-shell;patriot-pac3-mse,UA,WS-DE,yes
        PL-F1,PL,20000000,2025-03,*,MD;UA,,no
        """;

    private const string ProcurementHeader =
        "id,supplier,item,unit_price_eur,first_order,last_order,lead_months,monthly_capacity\n";

    private const string Procurement = ProcurementHeader + """
        CZ-155,CZ-industry,155mm-shell,3200,2024-03,2026-12,2,80000
        US-PAC3,US,patriot-pac3-mse,3700000,2025-08,2026-12,3,10
        """;

    private static async Task<TestLedger> LedgerWithFundsAsync(string database)
    {
        var ledger = await TestLedger.CreateAsync(database);
        ledger.WriteFile("nations.csv", Samples.Nations);
        ledger.WriteFile("items.csv", Items);
        ledger.WriteFile("pledges.csv", Samples.Pledges);
        ledger.WriteFile("funds.csv", Funds);
        ledger.WriteFile("procurement.csv", Procurement);
        var run = await ledger.RunAsync(
            "import", "./nations.csv", "./items.csv", "./pledges.csv", "./funds.csv", "./procurement.csv");
        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("funds.csv: 2 added");
        run.Out.ShouldContain("procurement.csv: 2 added");
        return ledger;
    }

    [Theory]
    [InlineData("sqlite", "csv")]
    [InlineData("sqlite", "xlsx")]
    [InlineData("postgres", "csv")]
    [InlineData("postgres", "xlsx")]
    public async Task Funds_and_procurement_options_export_and_reimport_unchanged(string database, string format)
    {
        await using var ledger = await LedgerWithFundsAsync(database);

        var exportFunds = await ledger.RunAsync("export", $"./funds.{format}");
        var exportOptions = await ledger.RunAsync("export", $"./procurement.{format}");
        var again = await ledger.RunAsync("import", $"./funds.{format}", $"./procurement.{format}");

        exportFunds.Exit.ShouldBe(0, exportFunds.Error);
        exportOptions.Exit.ShouldBe(0, exportOptions.Error);
        again.Exit.ShouldBe(0, again.Error);
        again.Out.ShouldContain($"funds.{format}: no changes (2 funds rows already up to date)");
        again.Out.ShouldContain($"procurement.{format}: no changes (2 procurement rows already up to date)");
        (await ledger.RunAsync("export", "./funds-again.csv", "--kind", "funds")).Exit.ShouldBe(0);
        File.ReadAllText(Path.Combine(ledger.Folder, "funds-again.csv")).ReplaceLineEndings("\n")
            .ShouldBe(Funds.ReplaceLineEndings("\n") + "\n");
        (await ledger.RunAsync("export", "./procurement-again.csv")).Exit.ShouldBe(0);
        File.ReadAllText(Path.Combine(ledger.Folder, "procurement-again.csv")).ReplaceLineEndings("\n")
            .ShouldBe(Procurement.ReplaceLineEndings("\n") + "\n");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Every_problem_of_funds_and_options_is_listed_and_nothing_is_written(string database)
    {
        await using var ledger = await LedgerWithFundsAsync(database);
        var before = await LedgerState.FingerprintAsync(ledger);
        ledger.WriteFile("funds.csv", FundHeader + """
            DE-PURL-1,DE,0,2025-13,155mm-shel;patriot-pac3-mse,UA;XX,WS-DE,maybe
            PL-F1,PL,20000000,2025-03,*,UA;MD,WS-DE,no
            DE-F2,DE,1000000000001,2025-01,;,*,,no
            DE-F3,DE,5,2025-01,demining-kit,*,NO-SUCH,no
            """);
        ledger.WriteFile("procurement.csv", ProcurementHeader + """
            US-PAC3,US,patriot-pac3-mse,3700000,2026-08,2025-12,3,10
            BIG,US,155mm-shell,10000000000,2025-01,2025-12,0,1000000000
            CZ-155,CZ-industry,155mm-shel,3200,2024-03,2026-12,121,0
            """);

        var run = await ledger.RunAsync("import", "./funds.csv", "./procurement.csv");

        run.Exit.ShouldBe(2, run.Out);
        // Rows with problems of their own first, file by file; then what the rows that passed name.
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe([
            "funds.csv:2: amount_eur: expected an integer > 0, got \"0\"",
            "funds.csv:2: available: expected a month YYYY-MM in years 2000..2100, got \"2025-13\"",
            "funds.csv:2: released: expected yes or no, got \"maybe\"",
            "funds.csv:4: amount_eur: 1000000000001 is too large to plan exactly; the most is 1,000,000,000,000",
            "funds.csv:4: items: expected * or a ;-separated list of item type codes, got \";\"",
            "procurement.csv:2: last_order: expected a month not before first_order 2026-08, got \"2025-12\"",
            "procurement.csv:3: monthly_capacity: 1000000000 units at EUR 10000000000 cost more than 64-bit "
                + "whole euros can hold: lower the capacity or the price",
            "procurement.csv:4: lead_months: expected an integer 0..120, got \"121\"",
            "procurement.csv:4: monthly_capacity: expected an integer > 0, got \"0\"",
            "funds.csv:3: pledge: pledge \"WS-DE\" has donor DE: a fund's pledge must have its donor, PL",
            "funds.csv:5: pledge: no pledge \"NO-SUCH\"",
            "11 problems; nothing was imported",
        ]);
        run.Error.ShouldContain("nothing was imported");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_fund_names_item_types_of_the_catalogue_and_a_pledge_of_its_own_donor(string database)
    {
        await using var ledger = await LedgerWithFundsAsync(database);
        var before = await LedgerState.FingerprintAsync(ledger);
        ledger.WriteFile("funds.csv", FundHeader + """
            DE-PURL-1,DE,430000000,2025-08,155mm-shel;patriot-pac3-mse,UA,WS-DE,yes
            PL-F1,PL,20000000,2025-03,*,UA;MD,WS-DE,no
            PL-F2,PL,5,2025-01,demining-kit,*,NO-SUCH,no
            """);
        ledger.WriteFile("procurement.csv", ProcurementHeader + """
            US-PAC3,US,patriot-pac3,3700000,2025-08,2026-12,3,10
            CZ-155,CZ-industry,155mm-shell,3200,2024-03,2026-12,2,80000
            """);

        var run = await ledger.RunAsync("import", "./funds.csv", "./procurement.csv");

        run.Exit.ShouldBe(2, run.Out);
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe([
            "procurement.csv:2: item: no item type \"patriot-pac3\" in the item catalogue; did you mean "
                + "\"patriot-pac3-mse\"?",
            "funds.csv:2: items: no item type \"155mm-shel\" in the item catalogue; did you mean \"155mm-shell\"?",
            "funds.csv:3: pledge: pledge \"WS-DE\" has donor DE: a fund's pledge must have its donor, PL",
            "funds.csv:4: pledge: no pledge \"NO-SUCH\"",
            "4 problems; nothing was imported",
        ]);
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_pledge_or_item_type_a_fund_or_option_names_is_not_removed_nor_a_pledge_given_away(
        string database)
    {
        await using var ledger = await LedgerWithFundsAsync(database);
        var before = await LedgerState.FingerprintAsync(ledger);
        ledger.WriteFile("pledges.csv", Samples.Pledges.Split('\n').Where(l => !l.StartsWith("WS-DE"))
            .Aggregate((a, b) => a + "\n" + b));
        ledger.WriteFile("items.csv", "item,capability,unit_value_eur,name\n"
            + "demining-kit,demining,12000,Manual demining kit\n");

        var removal = await ledger.RunAsync("import", "./pledges.csv", "./items.csv", "--allow-removals");
        ledger.WriteFile("pledges-given.csv", Samples.Pledges.Replace(",DE,UA,", ",GB,UA,", StringComparison.Ordinal)
            .Replace("7000000000,EUR", "7000000000,GBP", StringComparison.Ordinal));
        var givenAway = await ledger.RunAsync("import", "./pledges-given.csv", "--kind", "pledges");

        removal.Exit.ShouldBe(2, removal.Out);
        removal.Error.ShouldContain("pledges.csv: pledge \"WS-DE\" would be removed, but funds DE-PURL-1 still name "
            + "it in pledge; keep it, or change those funds first");
        removal.Error.ShouldContain("items.csv: item type \"155mm-shell\" would be removed, but funds DE-PURL-1 "
            + "still name it in items");
        removal.Error.ShouldContain("items.csv: item type \"patriot-pac3-mse\" would be removed, but procurement "
            + "US-PAC3 still name it in item");
        givenAway.Exit.ShouldBe(2, givenAway.Out);
        givenAway.Error.ShouldContain("pledges-given.csv: pledge \"WS-DE\" would have donor GB, but funds DE-PURL-1 "
            + "of another donor name it in pledge; keep its donor, or change those funds first");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_pledge_year_may_go_while_another_year_of_it_stays_for_the_fund(string database)
    {
        await using var ledger = await LedgerWithFundsAsync(database);
        ledger.WriteFile("pledges.csv", Samples.Pledges.Split('\n').Where(l => !l.StartsWith("WS-DE,2026"))
            .Aggregate((a, b) => a + "\n" + b));

        var run = await ledger.RunAsync("import", "./pledges.csv", "--allow-removals");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("1 removed");
    }
}
