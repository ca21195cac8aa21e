using Mainstay.Ledger;
using Mainstay.Planning;

namespace Mainstay.Procurement.Tests;

/// <summary>
/// Without funds, or with funds that can buy nothing anyone needs, the joint plan is the planning
/// contract's: the same objective as the network simplex, nothing bought.
/// </summary>
public sealed class InKindOnlyTests
{
    private const int Seeds = 40;

    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    public static TheoryData<int> AllSeeds() => new(Enumerable.Range(0, Seeds));

    [Theory, MemberData(nameof(AllSeeds))]
    public void Without_funds_the_objective_is_the_network_simplexs(int seed)
    {
        var (needs, offers) = Scenarios.InKind(seed);

        var plan = JointPlanner.Solve(needs, offers, [], [], TimeLimit, maxParallelism: 1);

        PlanCheck.Violations(plan).ShouldBeEmpty();
        plan.Optimal.ShouldBeTrue();
        plan.Objective.ShouldBe(Planner.Solve(needs, offers, maxParallelism: 1).Objective, $"seed {seed}");
        plan.Objective.ShouldBe(Contract.Objective(plan));
        plan.Purchases.ShouldBeEmpty();
        plan.SpentEur.ShouldBe(0);
    }

    [Theory, MemberData(nameof(AllSeeds))]
    public void Funds_that_can_buy_nothing_needed_leave_the_network_simplexs_objective(int seed)
    {
        var (needs, offers) = Scenarios.InKind(seed);
        var funds = new[]
        {
            new Fund("open", "NL", 1_000_000, Scenarios.Month(0), CodeScope.Any, CodeScope.Any),
            new Fund("shells-only", "DK", 1_000_000, Scenarios.Month(0), CodeScope.Only(["item-0"]),
                CodeScope.Only(["nobody"])),
        };
        var options = new[]
        {
            new ProcurementOption("unneeded", "US", "nobody-needs-this", 10, Scenarios.Month(0), Scenarios.Month(11),
                0, 100),
            new ProcurementOption("too-slow", "US", "item-0", 10, Scenarios.Month(0), Scenarios.Month(11), 120, 100),
        };

        var plan = JointPlanner.Solve(needs, offers, funds, options, TimeLimit, maxParallelism: 1);

        PlanCheck.Violations(plan).ShouldBeEmpty();
        plan.Objective.ShouldBe(Planner.Solve(needs, offers, maxParallelism: 1).Objective, $"seed {seed}");
        plan.Purchases.ShouldBeEmpty();
        plan.Funds.Select(f => (f.Fund.Id, f.SpentEur)).ShouldBe([("open", 0L), ("shells-only", 0L)]);
    }
}
