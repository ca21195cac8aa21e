namespace Mainstay.Data.Tests.Planning;

/// <summary><c>mainstay plan</c> on the ledger: stored plans, incremental re-planning, diffs.</summary>
public sealed class LedgerPlanTests
{
    private static Task<TestLedger> LedgerAsync(string database) =>
        TestLedger.WithSamplesAsync(database, ["nations", "requirements", "offers"]);

    private static async Task<string> ScenarioObjectiveAsync(TestLedger ledger)
    {
        var folder = Path.Combine(ledger.Folder, "scenario-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        (await ledger.RunAsync("export", Path.Combine(folder, "requirements.csv"))).Exit.ShouldBe(0);
        (await ledger.RunAsync("export", Path.Combine(folder, "offers-ledger.csv"), "--kind", "offers")).Exit.ShouldBe(
            0);
        // A scenario's offers have the contract's columns only.
        File.WriteAllLines(Path.Combine(folder, "offers.csv"),
            File.ReadAllLines(Path.Combine(folder, "offers-ledger.csv"))
            .Select(line => string.Join(',', line.Split(',').Take(7))));
        var run = await ledger.RunAsync("plan", "--scenario", folder, "--out", Path.Combine(folder, "out"));
        run.Exit.ShouldBe(0, run.Error);
        return run.Out.Split(' ')[1].TrimEnd(':');
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task The_first_plan_solves_everything_and_is_stored(string database)
    {
        await using var ledger = await LedgerAsync(database);

        var run = await ledger.RunAsync("plan");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("Plan 1 stored: the first plan of this ledger, 3 item type(s) solved.");
        run.Out.ShouldContain(
            $"objective {await ScenarioObjectiveAsync(ledger)}  4,170 units planned  (3 requirements, 3 "
                + $"offers; 3 item type(s) solved)");
        (await ledger.RunAsync("plan", "list")).Out.ShouldContain("plan 1 ");
        var show = await ledger.RunAsync("plan", "show", "--out", "./shown");
        show.Exit.ShouldBe(0, show.Error);
        show.Out.ShouldContain("1 requirement(s) fully covered, 2 partly, 0 not at all");
        show.Out.ShouldContain("R1 (UA, 155mm-shell, priority 1, needed by 2025-03): 4,000 of 10,000 planned");
        File.ReadAllText(Path.Combine(ledger.Folder, "shown", "allocations.csv"))
            .ShouldBe("offer_id,requirement_id,quantity\nO1,R1,4000\nO2,R2,120\nO3,R3,50\n");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_plan_with_funds_stores_its_purchases_and_a_new_fund_replans_what_options_sell(string database)
    {
        await using var ledger = await LedgerAsync(database);
        // R1 needs 10,000 shells, O1 gives 4,000: EUR 1,000,000 at EUR 500 buys 2,000 more, 1,500 a month.
        ledger.WriteFile("funds.csv", "id,donor,amount_eur,available,items,recipients\nF1,DE,1000000,2025-01,*,UA\n");
        ledger.WriteFile("procurement.csv", "id,supplier,item,unit_price_eur,first_order,last_order,lead_months,"
            + "monthly_capacity\nP1,US,155mm-shell,500,2025-01,2025-12,1,1500\n");
        (await ledger.RunAsync("import", "./funds.csv", "./procurement.csv")).Exit.ShouldBe(0);

        var first = await ledger.RunAsync("plan");

        first.Exit.ShouldBe(0, first.Error);
        first.Out.ShouldContain("6,170 units planned");
        first.Out.ShouldContain("EUR 1,000,000 spent by funds");
        var explained = await ledger.RunAsync("plan", "explain", "R1");
        explained.Out.ShouldContain("6,000 (6,000 on time, 0 late, 2,000 bought)");
        explained.Out.ShouldContain("Fund F1 (DE): its money went to requirements the objective values more per euro");

        ledger.WriteFile("funds.csv", "id,donor,amount_eur,available,items,recipients\nF1,DE,1000000,2025-01,*,UA\n"
            + "F2,PL,250000,2025-06,*,*\n");
        var import = await ledger.RunAsync("import", "./funds.csv");
        import.Exit.ShouldBe(0, import.Error);
        var second = await ledger.RunAsync("plan");

        second.Out.ShouldContain("Plan 2 stored: 1 item type(s) changed since plan 1 and were solved again (155mm-shell)");
        second.Out.ShouldContain("6,670 units planned");
        second.Out.ShouldContain("EUR 1,250,000 spent by funds");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Without_changes_the_last_plan_stays_current(string database)
    {
        await using var ledger = await LedgerAsync(database);
        (await ledger.RunAsync("plan")).Exit.ShouldBe(0);

        var again = await ledger.RunAsync("plan");

        again.Out.ShouldStartWith("No requirement or offer changed since plan 1; it is still current.");
        (await ledger.RunAsync("plan", "list")).Out.ShouldNotContain("plan 2");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_changed_offer_re_solves_only_its_item_and_the_diff_says_why(string database)
    {
        await using var ledger = await LedgerAsync(database);
        (await ledger.RunAsync("plan")).Exit.ShouldBe(0);
        ledger.WriteFile("offers.csv",
            Samples.Offers.Replace("O1,DE,155mm-shell,4000", "O1,DE,155mm-shell,3000", StringComparison.Ordinal));
        (await ledger.RunAsync("import", "./offers.csv")).Exit.ShouldBe(0);

        var run = await ledger.RunAsync("plan");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain(
            "Plan 2 stored: 1 item type(s) changed since plan 1 and were solved again (155mm-shell); the "
                + "others keep their allocations.");
        run.Out.ShouldContain($"objective {await ScenarioObjectiveAsync(ledger)}  3,170 units planned");
        run.Out.ShouldContain("R1 (155mm-shell): 4,000 -> 3,000 units, lost 1,000, after: offer O1 changed");
        var diff = await ledger.RunAsync("plan", "diff", "1", "2");
        diff.Out.ShouldContain("R1 (155mm-shell): 4,000 -> 3,000 units, lost 1,000");
        (await ledger.RunAsync("audit", "verify")).Exit.ShouldBe(0);
    }

    [Fact]
    public async Task Diff_needs_two_plans()
    {
        await using var ledger = await LedgerAsync("sqlite");

        var run = await ledger.RunAsync("plan", "diff");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("the ledger holds fewer than two plans");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Explain_works_on_the_ledger(string database)
    {
        await using var ledger = await LedgerAsync(database);
        var unplanned = await ledger.RunAsync("plan", "explain", "R1");
        unplanned.Exit.ShouldBe(2);
        unplanned.Error.ShouldContain("no plan of the ledger yet: run `mainstay plan` first");
        (await ledger.RunAsync("plan")).Exit.ShouldBe(0);

        var run = await ledger.RunAsync("plan", "explain", "R1");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldStartWith("By plan 1, made ");
        run.Out.ShouldNotContain("It predates");
        run.Out.ShouldContain("Planned: 4,000 (4,000 on time, 0 late); uncovered: 6,000.");
        run.Out.ShouldContain("1 offer(s) could serve it, 4,000 units in all; 0 went to 0 other requirement(s).");
        (await ledger.RunAsync("plan", "explain", "R9")).Error.ShouldContain(
            "REQ_ID: no requirement \"R9\" in the ledger");
    }

    [Fact]
    public async Task Explain_reads_the_stored_plan_and_names_the_changes_it_predates()
    {
        await using var ledger = await LedgerAsync("sqlite");
        (await ledger.RunAsync("plan")).Exit.ShouldBe(0);
        ledger.WriteFile("offers.csv",
            Samples.Offers.Replace("O1,DE,155mm-shell,4000", "O1,DE,155mm-shell,3000", StringComparison.Ordinal));
        (await ledger.RunAsync("import", "./offers.csv")).Exit.ShouldBe(0);

        var run = await ledger.RunAsync("plan", "explain", "R1");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain(
            "It predates 1 change(s) to 155mm-shell: offer O1 changed; run `mainstay plan` to plan them.");
        run.Out.ShouldContain(
            "Planned: 4,000 (4,000 on time, 0 late); uncovered: 6,000."); // plan 1's, not a new solve's 3,000
        (await ledger.RunAsync("plan")).Exit.ShouldBe(0);
        var replanned = await ledger.RunAsync("plan", "explain", "R1");
        replanned.Out.ShouldStartWith("By plan 2, made ");
        replanned.Out.ShouldContain("Planned: 3,000 (3,000 on time, 0 late); uncovered: 7,000.");

        // R1 lowered below what plan 2 gives it: by that plan it is covered, and more than covered.
        ledger.WriteFile("requirements.csv",
            Samples.Requirements.Replace("R1,UA,155mm-shell,10000", "R1,UA,155mm-shell,2000",
            StringComparison.Ordinal));
        (await ledger.RunAsync("import", "./requirements.csv")).Exit.ShouldBe(0);
        var lowered = await ledger.RunAsync("plan", "explain", "R1");
        lowered.Out.ShouldContain("uncovered: -1,000.");
        lowered.Out.ShouldContain("It is fully covered.");
    }

    [Fact]
    public async Task An_incremental_plan_has_the_inputs_hash_and_objective_of_a_full_plan_of_the_same_ledger()
    {
        await using var incremental = await LedgerAsync("sqlite");
        (await incremental.RunAsync("plan")).Exit.ShouldBe(0);
        var changed = Samples.Offers.Replace("O2,PL,generator-100kva,120", "O2,PL,generator-100kva,90",
            StringComparison.Ordinal);
        incremental.WriteFile("offers.csv", changed);
        (await incremental.RunAsync("import", "./offers.csv")).Exit.ShouldBe(0);
        var second = await incremental.RunAsync("plan");

        await using var fresh = await TestLedger.CreateAsync("sqlite");
        fresh.WriteFile("nations.csv", Samples.Nations);
        fresh.WriteFile("requirements.csv", Samples.Requirements);
        fresh.WriteFile("offers.csv", changed);
        (await fresh.RunAsync("import", "./nations.csv", "./requirements.csv", "./offers.csv")).Exit.ShouldBe(0);
        var full = await fresh.RunAsync("plan");

        static string Summary(string output) =>
            output.Split('\n').First(l => l.StartsWith("  plan ", StringComparison.Ordinal))[36..];
        second.Out.ShouldContain("1 item type(s) changed since plan 1");
        Summary(second.Out).Replace("1 item type(s) solved", "", StringComparison.Ordinal)
            .ShouldBe(Summary(full.Out).Replace("3 item type(s) solved", "", StringComparison.Ordinal));
    }
}
