using Mainstay.Planning;

namespace Mainstay.Procurement.Tests;

/// <summary>The same scenario gives the same plan, row for row, however many threads the search uses.</summary>
public sealed class DeterminismTests
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>One seed of each shape, and the larger in-kind scenarios with funds of every shape's kind.</summary>
    public static TheoryData<int> Seeds() => new(Enumerable.Range(200, Scenarios.Shapes.Length));

    [Theory, MemberData(nameof(Seeds))]
    public void Solving_twice_gives_identical_allocations_and_purchases(int seed)
    {
        var scenario = Scenarios.Generate(seed);

        var first = Solve(scenario);
        var second = Solve(scenario);

        Rows(second).ShouldBe(Rows(first), $"seed {seed} ({scenario})");
        second.Objective.ShouldBe(first.Objective);
        second.SpentEur.ShouldBe(first.SpentEur);
    }

    private static Plan Solve(Scenario scenario) => JointPlanner.Solve(
        scenario.Requirements, scenario.Offers, scenario.Funds, scenario.Options, TimeLimit);

    private static string[] Rows(Plan plan) =>
    [
        .. plan.Allocations.Select(a => $"give {a.Offer.Id} {a.Requirement.Id} {a.Quantity}"),
        .. plan.Purchases.Select(p => $"buy {p.Fund.Id} {p.Option.Id} {p.OrderMonth} {p.Requirement.Id} {p.Quantity}"),
        .. plan.Funds.Select(f => $"fund {f.Fund.Id} {f.SpentEur}"),
    ];
}
