using System.Collections.Concurrent;
using Mainstay.Planning;

namespace Mainstay.Procurement.Tests;

/// <summary>
/// The joint planner reaches the pair (objective, spent_eur) that GLPK finds for the dense integer program
/// of the same scenario, on seeded small scenarios of eight shapes (<see cref="Scenarios"/>), and its plan
/// passes the contract's checks. Both theories share one reference per seed, and run one glpsol at a time.
/// </summary>
public sealed class GlpkProcurementAgreementTests
{
    private const int Seeds = 240;

    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<int, Lazy<Reference>> References = new();

    public static TheoryData<int> AllSeeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < Seeds; seed++)
            data.Add(seed);
        return data;
    }

    [Theory, MemberData(nameof(AllSeeds))]
    public void The_joint_plan_reaches_GLPKs_objective_and_spending(int seed)
    {
        var scenario = Scenarios.Generate(seed);
        var reference = ReferenceOf(seed);
        var about = $"seed {seed} ({scenario})";

        var plan = JointPlanner.Solve(
            scenario.Requirements, scenario.Offers, scenario.Funds, scenario.Options, TimeLimit, maxParallelism: 1);

        PlanCheck.Violations(plan).ShouldBeEmpty(about);
        plan.Optimal.ShouldBeTrue(about);
        plan.Objective.ShouldBe(Contract.Objective(plan), $"{about}: the plan's objective, recomputed from its rows");
        ((long)Contract.Spent(plan)).ShouldBe(plan.SpentEur, $"{about}: the plan's spending, recomputed from its rows");
        plan.Objective.ShouldBe(reference.Objective, $"{about}: objective");
        plan.SpentEur.ShouldBe(reference.SpentEur, $"{about}: spent_eur");
    }

    /// <summary>
    /// The reference's own checks (integral values, a feasible plan, the second stage keeping the first's
    /// optimum) pass on every seed, and the shapes that rule purchases out have none.
    /// </summary>
    [Theory, MemberData(nameof(AllSeeds))]
    public void The_GLPK_reference_is_feasible_and_consistent_with_its_shape(int seed)
    {
        var scenario = Scenarios.Generate(seed);

        var reference = ReferenceOf(seed);

        if (scenario.Shape is Scenarios.LeadsPastWindows or Scenarios.FundsAfterOptionsClose)
        {
            reference.Plan.Purchases.ShouldBeEmpty($"seed {seed} ({scenario})");
            reference.SpentEur.ShouldBe(0);
        }
        if (scenario.Shape == Scenarios.InKindTiedWithBought)
        {
            // The shape's point: every unit, given or bought, arrives on time, so each bought unit has an
            // in-kind twin of equal benefit.
            reference.Plan.Coverage.Sum(c => c.Late).ShouldBe(0, $"seed {seed} ({scenario})");
        }
    }

    /// <summary>The shapes are all exercised, and most scenarios have something to buy or give.</summary>
    [Fact]
    public void The_generated_scenarios_cover_every_shape_and_mostly_buy_something()
    {
        var scenarios = Enumerable.Range(0, Seeds).Select(Scenarios.Generate).ToArray();

        scenarios.Select(s => s.Shape).Distinct().Count().ShouldBe(Scenarios.Shapes.Length);
        scenarios.Max(s => s.Requirements.Length).ShouldBeLessThanOrEqualTo(15);
        scenarios.Max(s => s.Offers.Length).ShouldBeLessThanOrEqualTo(15);
        scenarios.Max(s => s.Funds.Length).ShouldBeLessThanOrEqualTo(4);
        scenarios.Max(s => s.Options.Length).ShouldBeLessThanOrEqualTo(5);
        var buying = scenarios.Count(s => s.Funds.Any(f => s.Options.Any(p => s.Requirements.Any(
            r => Contract.OrderMonths(f, p, r).Any()))));
        buying.ShouldBeGreaterThan(Seeds / 2);
    }

    private static Reference ReferenceOf(int seed) =>
        References.GetOrAdd(seed, s => new Lazy<Reference>(() => GlpkReference.Solve(Scenarios.Generate(s)))).Value;
}
