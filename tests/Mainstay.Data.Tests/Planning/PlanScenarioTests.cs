using System.Text;

namespace Mainstay.Data.Tests.Planning;

/// <summary><c>mainstay plan --scenario DIR --out OUT</c> against the planning contract.</summary>
public sealed class PlanScenarioTests
{
    private const string Requirements = """
        id,recipient,item,quantity,priority,need_by,useful_months
        R1,UA,155mm-shell,100,1,2025-03,2
        R2,MD,155mm-shell,50,3,2025-03,0
        R3,UA,generator,10,2,2025-11,1
        """;

    private const string Offers = """
        id,donor,item,quantity,available,transit_months,recipients
        O1,DE,155mm-shell,120,2025-02,1,*
        O2,PL,155mm-shell,40,2025-04,0,MD
        O3,FR,generator,10,2025-12,0,UA
        """;

    private static async Task<(TestLedger Ledger, string Scenario)> ScenarioAsync(
        string requirements = Requirements, string offers = Offers)
    {
        var ledger = await TestLedger.CreateAsync("sqlite");
        var scenario = Path.Combine(ledger.Folder, "scenario");
        Directory.CreateDirectory(scenario);
        File.WriteAllText(Path.Combine(scenario, "requirements.csv"), requirements);
        File.WriteAllText(Path.Combine(scenario, "offers.csv"), offers);
        return (ledger, scenario);
    }

    [Fact]
    public async Task Writes_the_optimal_allocations_coverage_and_summary()
    {
        var (ledger, scenario) = await ScenarioAsync();
        await using var _ = ledger;

        var run = await ledger.RunAsync("plan", "--scenario", scenario, "--out", "./out");

        run.Exit.ShouldBe(0, run.Error);
        // O1 (arrives 2025-03) fills R1 on time; 20 left go to R2 on time; O2 arrives a month late
        // for R2, whose window is closed; O3 is a month late for R3, inside its window.
        File.ReadAllText(Path.Combine(ledger.Folder, "out", "allocations.csv")).ShouldBe("""
            offer_id,requirement_id,quantity,arrive,late_months
            O1,R1,100,2025-03,0
            O1,R2,20,2025-03,0
            O3,R3,10,2025-12,1

            """);
        File.ReadAllText(Path.Combine(ledger.Folder, "out", "coverage.csv")).ShouldBe("""
            requirement_id,quantity,allocated,on_time,late,uncovered,purchased
            R1,100,100,100,0,0,0
            R2,50,20,20,0,30,0
            R3,10,10,0,10,0,0

            """);
        var summary = File.ReadAllText(Path.Combine(ledger.Folder, "out", "summary.json"));
        summary.ShouldContain("\"objective\": " + ((10_000 * 3 * 100) + (100 * 1 * 20) + (1_000 * 1 * 10)));
        summary.ShouldContain("\"allocated_units\": 130");
        run.Out.ShouldContain("Objective 3012000");
    }

    [Fact]
    public async Task Repeated_runs_write_byte_identical_files()
    {
        var (ledger, scenario) = await ScenarioAsync();
        await using var _ = ledger;

        (await ledger.RunAsync("plan", "--scenario", scenario, "--out", "./a")).Exit.ShouldBe(0);
        (await ledger.RunAsync("plan", "--scenario", scenario, "--out", "./b")).Exit.ShouldBe(0);

        foreach (var file in new[] { "allocations.csv", "coverage.csv", "summary.json", "purchases.csv", "funds.csv" })
            File.ReadAllBytes(Path.Combine(ledger.Folder, "b", file))
                .ShouldBe(File.ReadAllBytes(Path.Combine(ledger.Folder, "a", file)), file);
    }

    [Fact]
    public async Task A_scenario_with_no_eligible_pair_gives_an_empty_plan()
    {
        var (ledger, scenario) =
            await ScenarioAsync(
                offers: "id,donor,item,quantity,available,transit_months,recipients\nO1,DE,drone,5,2025-01,0,*\n");
        await using var _ = ledger;

        var run = await ledger.RunAsync("plan", "--scenario", scenario, "--out", "./out");

        run.Exit.ShouldBe(0, run.Error);
        File.ReadAllText(Path.Combine(ledger.Folder, "out", "allocations.csv"))
            .ShouldBe("offer_id,requirement_id,quantity,arrive,late_months\n");
        File.ReadAllText(Path.Combine(ledger.Folder, "out", "summary.json")).ShouldContain("\"objective\": 0,");
    }

    public static TheoryData<string, string, string, string> BadScenarios() => new()
    {
        { "missing column",
            Requirements.Replace(",useful_months", "", StringComparison.Ordinal)
                .Replace(",2\n", "\n", StringComparison.Ordinal), Offers,
            "requirements.csv:1: useful_months: missing column" },
        { "unknown column", Requirements,
            Offers.Replace("recipients\n", "recipients,conditions\n", StringComparison.Ordinal),
            "offers.csv:1: conditions: unknown column" },
        { "duplicate id", Requirements + "\nR1,UA,155mm-shell,1,1,2025-03,2", Offers,
            "requirements.csv:5: id: duplicate id \"R1\"; first on line 2" },
        { "empty field", Requirements.Replace("R3,UA,generator", "R3,,generator", StringComparison.Ordinal), Offers,
            "requirements.csv:4: recipient: is empty; a value is required" },
        { "non-integer quantity", Requirements,
            Offers.Replace("O2,PL,155mm-shell,40", "O2,PL,155mm-shell,4.5", StringComparison.Ordinal),
            "offers.csv:3: quantity: expected an integer > 0, got \"4.5\"" },
        { "non-positive quantity",
            Requirements.Replace("R2,MD,155mm-shell,50", "R2,MD,155mm-shell,-5", StringComparison.Ordinal), Offers,
            "requirements.csv:3: quantity: expected an integer > 0, got \"-5\"" },
        { "quantity too large to plan exactly", Requirements,
            Offers.Replace("O1,DE,155mm-shell,120", "O1,DE,155mm-shell,99999999999999999999", StringComparison.Ordinal),
            "offers.csv:2: quantity: 99999999999999999999 is too large; the most is 1,000,000,000" },
        { "priority outside 1..5",
            Requirements.Replace("R3,UA,generator,10,2", "R3,UA,generator,10,0", StringComparison.Ordinal), Offers,
            "requirements.csv:4: priority: expected an integer 1..5, got \"0\"" },
        { "bad month", Requirements.Replace("2025-11", "2025-11-01", StringComparison.Ordinal), Offers,
            "requirements.csv:4: need_by: expected a month YYYY-MM in years 2000..2100, got \"2025-11-01\"" },
        { "month out of range", Requirements, Offers.Replace("2025-12", "2101-01", StringComparison.Ordinal),
            "offers.csv:4: available: expected a month YYYY-MM in years 2000..2100, got \"2101-01\"" },
        { "negative months", Requirements, Offers.Replace("2025-04,0,MD", "2025-04,-1,MD", StringComparison.Ordinal),
            "offers.csv:3: transit_months: expected an integer 0..120, got \"-1\"" },
        { "empty recipients list", Requirements, Offers.Replace("2025-04,0,MD", "2025-04,0,", StringComparison.Ordinal),
            "offers.csv:3: recipients: is empty; a value is required" },
        { "malformed recipients list", Requirements,
            Offers.Replace("2025-04,0,MD", "2025-04,0,MD;;UA", StringComparison.Ordinal),
            "offers.csv:3: recipients: expected * or a ;-separated list of recipient codes, got \"MD;;UA\"" },
        { "star inside a list", Requirements,
            Offers.Replace("2025-04,0,MD", "2025-04,0,MD;*", StringComparison.Ordinal),
            "offers.csv:3: recipients: * means any recipient and cannot stand in a list" },
    };

    [Theory, MemberData(nameof(BadScenarios))]
    public async Task A_malformed_scenario_is_rejected_before_anything_is_written(
        string caseName, string requirements, string offers, string expected)
    {
        var (ledger, scenario) = await ScenarioAsync(requirements, offers);
        await using var _ = ledger;

        var run = await ledger.RunAsync("plan", "--scenario", scenario, "--out", "./out");

        run.Exit.ShouldBe(2, caseName);
        run.Error.ShouldContain(expected, Case.Sensitive, $"{caseName}: stderr was\n{run.Error}");
        run.Error.ShouldContain("no plan was made and nothing was written");
        Directory.Exists(Path.Combine(ledger.Folder, "out")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_missing_file_and_a_file_that_is_not_UTF8_are_both_reported()
    {
        var (ledger, scenario) = await ScenarioAsync();
        await using var _ = ledger;
        File.Delete(Path.Combine(scenario, "offers.csv"));
        File.WriteAllBytes(Path.Combine(scenario, "requirements.csv"),
            Encoding.Latin1.GetBytes(
                "id,recipient,item,quantity,priority,need_by,useful_months\nR1,UA,Granaten-Größe,1,1,2025-01,0\n"));

        var run = await ledger.RunAsync("plan", "--scenario", scenario, "--out", "./out");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("requirements.csv:2: not UTF-8 text");
        run.Error.ShouldContain("offers.csv: missing file");
        Directory.Exists(Path.Combine(ledger.Folder, "out")).ShouldBeFalse();
    }

    [Fact]
    public async Task CRLF_a_byte_order_mark_blank_lines_padding_and_quoting_are_accepted()
    {
        var (ledger, scenario) = await ScenarioAsync(
            "\uFEFFid,recipient,item,quantity,priority,need_by,useful_months\r\n\r\n\"R 1\", UA "
                + ",shell,5,1,2025-01,0\r\n",
            "recipients,id,donor,item,quantity,available,transit_months\r\n\"UA;UA\",O1,DE,shell,7,2025-01,0\r\n");
        await using var _ = ledger;

        var run = await ledger.RunAsync("plan", "--scenario", scenario, "--out", "./out");

        run.Exit.ShouldBe(0, run.Error);
        File.ReadAllText(Path.Combine(ledger.Folder, "out", "allocations.csv"))
            .ShouldBe("offer_id,requirement_id,quantity,arrive,late_months\nO1,R 1,5,2025-01,0\n");
    }
}
