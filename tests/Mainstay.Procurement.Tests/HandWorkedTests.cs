using Mainstay.Planning;
using static Mainstay.Procurement.Tests.HandWorkedCases;

namespace Mainstay.Procurement.Tests;

/// <summary>
/// The GLPK reference and the joint planner both reach the answers worked out by hand in
/// <see cref="HandWorkedCases"/>; and the planner stays exact where a floating-point solver could not.
/// </summary>
public sealed class HandWorkedTests
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Cases() => new(All.Keys);

    [Theory, MemberData(nameof(Cases))]
    public void The_GLPK_reference_reaches_the_hand_worked_answer(string name)
    {
        var (scenario, objective, spent) = All[name];

        var reference = GlpkReference.Solve(scenario);

        reference.Objective.ShouldBe(objective, name);
        reference.SpentEur.ShouldBe(spent, name);
    }

    [Theory, MemberData(nameof(Cases))]
    public void The_joint_planner_reaches_the_hand_worked_answer(string name)
    {
        var (scenario, objective, spent) = All[name];

        var plan = Solve(scenario);

        PlanCheck.Violations(plan).ShouldBeEmpty(name);
        plan.Optimal.ShouldBeTrue(name);
        plan.Objective.ShouldBe(objective, name);
        Contract.Objective(plan).ShouldBe(objective, name);
        plan.SpentEur.ShouldBe(spent, name);
    }

    [Fact]
    public void In_kind_units_tied_with_bought_ones_are_given_and_only_the_rest_bought()
    {
        var plan = Solve(All["in-kind units win a tie with bought ones"].Scenario);

        plan.Allocations.ShouldHaveSingleItem().Quantity.ShouldBe(6);
        plan.Purchases.Sum(p => p.Quantity).ShouldBe(4);
    }

    [Fact]
    public void An_earmarked_fund_does_not_pay_for_what_its_earmark_excludes()
    {
        var plan = Solve(All["earmarks exclude items and recipients"].Scenario);

        var purchase = plan.Purchases.ShouldHaveSingleItem();
        (purchase.Fund.Id, purchase.Requirement.Id, purchase.Quantity).ShouldBe(("md-only", "md", 5L));
        plan.Funds.Select(f => (f.Fund.Id, f.SpentEur)).ShouldBe([("drones-only", 0L), ("md-only", 50L)]);
    }

    // A fund of EUR 1,000,000,000,000 and jets at EUR 10,000,000,000, 100 a month, one order month: it buys
    // 100 jets (priority 1, on time: 10,000 each), objective 1,000,000, spending the trillion to the euro.
    // One euro less and only 99 fit: 990,000 for 990,000,000,000. A solver working in doubles with a
    // relative tolerance could not tell these apart.
    [Theory]
    [InlineData(1_000_000_000_000, 1_000_000, 1_000_000_000_000)]
    [InlineData(999_999_999_999, 990_000, 990_000_000_000)]
    public void A_trillion_euro_fund_is_spent_to_the_exact_euro(long amount, long objective, long spent)
    {
        var scenario = Case(
            [Need("jets", "UA", "jet", 1_000, 1, 0, 0)], [], [Funding("fund", amount, 0)],
            [Sell("jet-us", "jet", 10_000_000_000, 0, 0, 0, 100)]);

        var plan = Solve(scenario);

        PlanCheck.Violations(plan).ShouldBeEmpty();
        plan.Objective.ShouldBe(objective);
        plan.SpentEur.ShouldBe(spent);
        plan.Funds.ShouldHaveSingleItem().LeftEur.ShouldBe(amount - spent);
    }

    private static Plan Solve(Scenario scenario) => JointPlanner.Solve(
        scenario.Requirements, scenario.Offers, scenario.Funds, scenario.Options, TimeLimit, maxParallelism: 1);
}
