namespace Mainstay.Data.Tests.Planning;

/// <summary><c>mainstay plan explain REQ_ID</c> names the reason a requirement is not covered.</summary>
public sealed class PlanExplainTests
{
    private const string Requirements = """
        id,recipient,item,quantity,priority,need_by,useful_months
        R-urgent,UA,shell,100,1,2025-03,0
        R-later,UA,shell,100,4,2025-03,0
        R-md,MD,interceptor,5,1,2025-03,0
        R-window,UA,radio,10,2,2025-03,1
        R-nothing,GE,generator,3,2,2025-03,0
        R-full,UA,radio,1,5,2025-06,0
        """;

    private const string Offers = """
        id,donor,item,quantity,available,transit_months,recipients
        O-shell,DE,shell,100,2025-03,0,*
        O-nato,PL,interceptor,5,2025-01,0,PL;RO
        O-radio-late,FR,radio,10,2025-05,1,UA
        O-radio,FR,radio,1,2025-06,0,UA
        """;

    private static async Task<string> ExplainAsync(string id)
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        var scenario = Path.Combine(ledger.Folder, "scenario");
        Directory.CreateDirectory(scenario);
        File.WriteAllText(Path.Combine(scenario, "requirements.csv"), Requirements);
        File.WriteAllText(Path.Combine(scenario, "offers.csv"), Offers);
        var run = await ledger.RunAsync("plan", "explain", id, "--scenario", scenario);
        run.Exit.ShouldBe(0, run.Error);
        return run.Out;
    }

    [Fact]
    public async Task Names_the_requirements_that_took_the_units()
    {
        var text = await ExplainAsync("R-later");

        text.ShouldContain("Planned: 0 (0 on time, 0 late); uncovered: 100.");
        text.ShouldContain("1 offer(s) could serve it, 100 units in all; 100 went to 1 other requirement(s).");
        text.ShouldContain("R-urgent (UA, priority 1, needed by 2025-03, 100 units at 10,000 per unit)");
    }

    [Fact]
    public async Task Names_the_restriction_that_excludes_the_recipient()
    {
        var text = await ExplainAsync("R-md");

        text.ShouldContain("1 offer(s) of interceptor may not go to MD: O-nato (PL) only to PL;RO.");
        text.ShouldContain("So no offer of interceptor may go to MD.");
    }

    [Fact]
    public async Task Names_the_earliest_arrival_when_offers_come_too_late()
    {
        var text = await ExplainAsync("R-window");

        text.ShouldContain(
            "arrive after 2025-04, the end of its useful window; the earliest, O-radio-late, arrives 2025-06.");
    }

    [Fact]
    public async Task Says_when_no_offer_of_the_item_exists_and_when_all_is_covered()
    {
        (await ExplainAsync("R-nothing")).ShouldContain("No offer of generator exists.");
        (await ExplainAsync("R-full")).ShouldContain("It is fully covered.");
    }
}
