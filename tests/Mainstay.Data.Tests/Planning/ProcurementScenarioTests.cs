namespace Mainstay.Data.Tests.Planning;

/// <summary>
/// <c>mainstay plan --scenario DIR --out OUT</c> with <c>funds.csv</c> and <c>procurement.csv</c>, against
/// the procurement contract.
/// </summary>
public sealed class ProcurementScenarioTests
{
    private const string Requirements = """
        id,recipient,item,quantity,priority,need_by,useful_months
        r1,UA,shell,100,1,2026-03,2
        r2,MD,shell,50,2,2026-02,0
        r3,UA,tank,4,1,2026-06,3
        """;

    private const string Offers = """
        id,donor,item,quantity,available,transit_months,recipients
        o1,DE,shell,60,2026-01,1,*
        o2,PL,tank,2,2026-05,0,UA
        """;

    private const string Funds = """
        id,donor,amount_eur,available,items,recipients
        NL-PURL-1,NL,3000,2026-01,*,UA
        DK-1,DK,500,2026-04,shell,*
        """;

    private const string Options = """
        id,supplier,item,unit_price_eur,first_order,last_order,lead_months,monthly_capacity
        US-shell,US,shell,40,2026-01,2026-12,1,30
        CZ-shell,CZ-industry,shell,25,2026-01,2026-12,4,100
        """;

    private static async Task<(TestLedger Ledger, string Scenario)> ScenarioAsync(
        string funds = Funds, string options = Options)
    {
        var ledger = await TestLedger.CreateAsync("sqlite");
        var scenario = Path.Combine(ledger.Folder, "scenario");
        Directory.CreateDirectory(scenario);
        File.WriteAllText(Path.Combine(scenario, "requirements.csv"), Requirements);
        File.WriteAllText(Path.Combine(scenario, "offers.csv"), Offers);
        File.WriteAllText(Path.Combine(scenario, "funds.csv"), funds);
        File.WriteAllText(Path.Combine(scenario, "procurement.csv"), options);
        return (ledger, scenario);
    }

    private static string Read(TestLedger ledger, string file) =>
        File.ReadAllText(Path.Combine(ledger.Folder, "out", file)).ReplaceLineEndings("\n");

    [Fact]
    public async Task Funds_buy_what_offers_leave_short_and_the_files_say_what_each_bought()
    {
        // r1 (UA, priority 1) is worth 30,000 a unit on time, r2 (MD, priority 2) 1,000: o1's 60 units
        // serve r1 40 and r2 20 only if 60 more reach r1 on time. Only NL may buy for UA; US stocks arrive
        // in a month, 30 a month at EUR 40 (CZ shells arrive too late to count on time): 2 × 30 units,
        // EUR 2,400. DK's money comes after r2's window closes.
        var (ledger, scenario) = await ScenarioAsync();
        await using var _ = ledger;

        var run = await ledger.RunAsync("plan", "--scenario", scenario, "--out", "./out");

        run.Exit.ShouldBe(0, run.Error);
        Read(ledger, "purchases.csv").ShouldBe("""
            fund_id,option_id,order_month,requirement_id,quantity,cost_eur,arrive,late_months
            NL-PURL-1,US-shell,2026-01,r1,30,1200,2026-02,0
            NL-PURL-1,US-shell,2026-02,r1,30,1200,2026-03,0

            """);
        Read(ledger, "funds.csv").ShouldBe("""
            fund_id,amount_eur,spent_eur,left_eur
            DK-1,500,0,500
            NL-PURL-1,3000,2400,600

            """);
        Read(ledger, "coverage.csv").ShouldContain("r1,100,100,100,0,0,60\n");
        var summary = Read(ledger, "summary.json");
        summary.ShouldContain($"\"objective\": {(30_000 * 100) + (1_000 * 20) + (40_000 * 2)}");
        summary.ShouldContain("\"spent_eur\": 2400");
        summary.ShouldContain("\"purchased_units\": 60");
        summary.ShouldContain("\"optimal\": true");
        summary.ShouldNotContain("\"bound\"");
        run.Out.ShouldContain("Funds: 60 units bought in 2 purchases for EUR 2,400, from 2 funds.");
    }

    [Fact]
    public async Task Explain_names_each_fund_and_why_it_did_not_pay()
    {
        var (ledger, scenario) = await ScenarioAsync();
        await using var _ = ledger;

        var shells = await ledger.RunAsync("plan", "explain", "r2", "--scenario", scenario);
        var tanks = await ledger.RunAsync("plan", "explain", "r3", "--scenario", scenario);

        shells.Exit.ShouldBe(0, shells.Error);
        shells.Out.ShouldContain("Fund DK-1 (DK): too late: its money is available from 2026-04");
        shells.Out.ShouldContain("Fund NL-PURL-1 (NL): may only buy for UA, not MD.");
        tanks.Out.ShouldContain("No procurement option sells tank, so no fund could buy it.");
    }

    [Fact]
    public async Task A_fund_whose_money_went_elsewhere_says_so_with_what_is_left()
    {
        // One fund, EUR 100, buys for two requirements; the priority-1 one takes all of it.
        var (ledger, scenario) = await ScenarioAsync(
            "id,donor,amount_eur,available,items,recipients\nF,NL,100,2026-01,shell,*\n",
            "id,supplier,item,unit_price_eur,first_order,last_order,lead_months,monthly_capacity\n"
                + "P,US,shell,30,2026-01,2026-01,0,1000\n");
        await using var _ = ledger;

        var run = await ledger.RunAsync("plan", "explain", "r2", "--scenario", scenario);

        run.Out.ShouldContain(
            "Fund F (NL): its money went to requirements the objective values more per euro: EUR 10 of 100 left, "
                + "less than the EUR 30 the cheapest unit in time costs; it bought for r1 (3 units");
    }

    public static TheoryData<string, string, string, string> BadFiles() => new()
    {
        { "duplicate fund", Funds + "\nDK-1,DK,5,2026-01,*,*", Options, "funds.csv:4: id: duplicate id \"DK-1\"" },
        { "amount 0", Funds.Replace("DK-1,DK,500", "DK-1,DK,0", StringComparison.Ordinal), Options,
            "funds.csv:3: amount_eur: expected an integer > 0, got \"0\"" },
        { "amount too large", Funds.Replace("DK-1,DK,500", "DK-1,DK,1000000000001", StringComparison.Ordinal),
            Options, "funds.csv:3: amount_eur: 1000000000001 is too large" },
        { "star inside an item list", Funds.Replace(",shell,*", ",shell;*,*", StringComparison.Ordinal), Options,
            "funds.csv:3: items: * means any item type and cannot stand in a list" },
        { "empty item in a list", Funds.Replace(",shell,*", ",shell;;tank,*", StringComparison.Ordinal), Options,
            "funds.csv:3: items: expected * or a ;-separated list of item type codes, got \"shell;;tank\"" },
        { "unknown column", Funds.Replace("recipients\n", "recipients,note\n", StringComparison.Ordinal), Options,
            "funds.csv:1: note: unknown column" },
        { "last order before first", Funds,
            Options.Replace("2026-01,2026-12,4", "2026-05,2026-04,4", StringComparison.Ordinal),
            "procurement.csv:3: last_order: expected a month not before first_order 2026-05, got \"2026-04\"" },
        { "cost beyond 64 bits", Funds,
            Options.Replace("shell,25,2026-01,2026-12,4,100", "shell,10000000000,2026-01,2026-12,4,1000000000",
                StringComparison.Ordinal),
            "procurement.csv:3: monthly_capacity: 1000000000 units at EUR 10000000000 cost more than" },
        { "lead too long", Funds, Options.Replace("2026-12,4,100", "2026-12,121,100", StringComparison.Ordinal),
            "procurement.csv:3: lead_months: expected an integer 0..120, got \"121\"" },
        { "no capacity", Funds, Options.Replace("2026-12,4,100", "2026-12,4,0", StringComparison.Ordinal),
            "procurement.csv:3: monthly_capacity: expected an integer > 0, got \"0\"" },
        { "price too large", Funds,
            Options.Replace("shell,25,", "shell,10000000001,", StringComparison.Ordinal),
            "procurement.csv:3: unit_price_eur: 10000000001 is too large" },
    };

    [Theory, MemberData(nameof(BadFiles))]
    public async Task A_malformed_fund_or_option_is_rejected_before_anything_is_written(
        string caseName, string funds, string options, string expected)
    {
        var (ledger, scenario) = await ScenarioAsync(funds, options);
        await using var _ = ledger;

        var run = await ledger.RunAsync("plan", "--scenario", scenario, "--out", "./out");

        run.Exit.ShouldBe(2, caseName);
        run.Error.ShouldContain(expected, Case.Sensitive, $"{caseName}: stderr was\n{run.Error}");
        Directory.Exists(Path.Combine(ledger.Folder, "out")).ShouldBeFalse();
    }

    [Fact]
    public async Task Every_problem_of_both_files_is_listed_at_once()
    {
        var (ledger, scenario) = await ScenarioAsync(
            Funds.Replace("DK-1,DK,500", "DK-1,DK,-3", StringComparison.Ordinal),
            Options.Replace("2026-12,1,30", "2026-12,1,x", StringComparison.Ordinal));
        await using var _ = ledger;

        var run = await ledger.RunAsync("plan", "--scenario", scenario, "--out", "./out");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("funds.csv:3: amount_eur");
        run.Error.ShouldContain("procurement.csv:2: monthly_capacity");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("soon")]
    public async Task A_time_limit_must_be_a_positive_number_of_seconds(string limit)
    {
        var (ledger, scenario) = await ScenarioAsync();
        await using var _ = ledger;

        var run = await ledger.RunAsync("plan", "--scenario", scenario, "--out", "./out", "--time-limit", limit);

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("--time-limit");
        Directory.Exists(Path.Combine(ledger.Folder, "out")).ShouldBeFalse();
    }
}
