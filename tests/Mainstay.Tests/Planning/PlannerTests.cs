using Mainstay.Ledger;
using Mainstay.Planning;
using Mainstay.Time;

namespace Mainstay.Tests.Planning;

public sealed class PlannerTests
{
    private static Requirement Need(
        string id, string recipient, long quantity, int priority, string needBy, int useful, string item = "shell") =>
        new(id, recipient, item, quantity, priority, Month(needBy), useful);

    private static Offer Give(
        string id, long quantity, string available, int transit, string recipients = "*", string item = "shell")
    {
        CodeScope.TryParse(recipients, out var scope, out _);
        return new Offer(id, "DE", item, quantity, Month(available), transit, scope, "");
    }

    private static YearMonth Month(string text) =>
        YearMonth.TryParse(text, out var m) ? m : throw new ArgumentException(text);

    [Fact]
    public void A_priority_1_need_is_served_before_a_priority_3_need()
    {
        Requirement[] needs = [Need("R1", "UA", 100, 3, "2025-01", 0), Need("R2", "UA", 100, 1, "2025-01", 0)];
        Offer[] offers = [Give("O1", 100, "2025-01", 0)];

        var plan = Planner.Solve(needs, offers);

        plan.Allocations.Single().Requirement.Id.ShouldBe("R2");
        plan.Objective.ShouldBe(10_000 * 100);
    }

    [Fact]
    public void Late_arrivals_earn_less_and_arrivals_after_the_window_nothing()
    {
        Requirement[] needs = [Need("R1", "UA", 10, 2, "2025-01", 3)];
        Offer[] offers = [Give("O-late", 5, "2025-02", 1), Give("O-too-late", 5, "2025-04", 1)];

        var plan = Planner.Solve(needs, offers);

        var allocation = plan.Allocations.Single();
        allocation.Offer.Id.ShouldBe("O-late");
        allocation.LateMonths.ShouldBe(2);
        plan.Objective.ShouldBe(1000 * (3 + 1 - 2) * 5);
        plan.Coverage.Single().Late.ShouldBe(5);
        plan.Coverage.Single().Uncovered.ShouldBe(5);
    }

    [Fact]
    public void Restricted_offers_go_only_where_allowed()
    {
        Requirement[] needs = [Need("R-UA", "UA", 10, 1, "2025-01", 0), Need("R-MD", "MD", 10, 5, "2025-01", 0)];
        Offer[] offers = [Give("O1", 10, "2025-01", 0, "MD")];

        var plan = Planner.Solve(needs, offers);

        plan.Allocations.Single().Requirement.Id.ShouldBe("R-MD");
    }

    [Fact]
    public void A_scenario_with_no_eligible_pair_gives_an_empty_plan()
    {
        var plan = Planner.Solve([Need("R1", "UA", 10, 1, "2025-01", 0)],
            [Give("O1", 10, "2025-01", 0, item: "drone")]);

        plan.Allocations.ShouldBeEmpty();
        plan.Objective.ShouldBe(0);
        plan.Coverage.Single().Uncovered.ShouldBe(10);
    }

    [Fact]
    public void Matches_a_dense_shortest_path_oracle_on_random_scenarios()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var (needs, offers) = RandomScenario(seed);

            var plan = Planner.Solve(needs, offers);

            plan.ShouldBeFeasible(needs, offers);
            plan.Objective.ShouldBe(DenseOptimum(needs, offers), $"seed {seed}");
        }
    }

    [Fact]
    public void Is_deterministic_whatever_the_parallelism()
    {
        var (needs, offers) = RandomScenario(12345, size: 60);

        var one = Planner.Solve(needs, offers, maxParallelism: 1);
        var many = Planner.Solve(needs, offers, maxParallelism: 4);

        many.Allocations.Select(a => (a.Offer.Id, a.Requirement.Id, a.Quantity))
            .ShouldBe(one.Allocations.Select(a => (a.Offer.Id, a.Requirement.Id, a.Quantity)));
    }

    [Fact]
    public void A_large_plan_built_in_slices_equals_its_item_types_planned_alone()
    {
        // 150,000 requirements: the plan is assembled in slices side by side, while each item type
        // alone (50,000) fits one slice; both must give the same allocations, coverage and objective.
        var random = new Random(7);
        var start = YearMonth.Of(2025, 1);
        string[] items = ["shell", "drone", "radar"];
        var needs = Enumerable.Range(0, 150_000).Select(i => new Requirement(
            $"R{i:D6}", i % 7 == 0 ? "MD" : "UA", items[i % 3], random.Next(1, 40), random.Next(1, 6),
            start.AddMonths(random.Next(12)), random.Next(0, 3))).ToArray();
        var offers = Enumerable.Range(0, 60_000).Select(i => new Offer(
            $"O{i:D6}", "DE", items[i % 3], random.Next(1, 90), start.AddMonths(random.Next(12)), random.Next(0, 2),
            i % 5 == 0 ? CodeScope.Only(["UA"]) : CodeScope.Any, "")).ToArray();

        var whole = Planner.Solve(needs, offers);
        var alone =
            items.Select(
                item => Planner.Solve(needs.Where(r => r.Item == item).ToArray(),
                    offers.Where(o => o.Item == item).ToArray())).ToArray();

        whole.Objective.ShouldBe(alone.Aggregate(System.Numerics.BigInteger.Zero, (sum, plan) => sum + plan.Objective));
        whole.Allocations.Select(a => (a.Requirement.Id, a.Offer.Id, a.Quantity))
            .ShouldBe(
                alone.SelectMany(p => p.Allocations).Select(a => (a.Requirement.Id, a.Offer.Id, a.Quantity)).Order());
        whole.Coverage.Select(c => (c.Requirement.Id, c.Allocated, c.OnTime, c.Late))
            .ShouldBe(
                alone.SelectMany(p => p.Coverage).Select(c => (c.Requirement.Id, c.Allocated, c.OnTime, c.Late))
                    .OrderBy(c => c.Id, StringComparer.Ordinal));
        whole.Allocations.Count.ShouldBeGreaterThan(50_000);
    }

    /// <summary>Small scenarios where pairs compete: few recipients, months and items; ties and restrictions.</summary>
    internal static (Requirement[] Needs, Offer[] Offers) RandomScenario(int seed, int size = 12)
    {
        var random = new Random(seed);
        var recipients = new[] { "UA", "MD", "GE" }[..random.Next(1, 4)];
        var items = Enumerable.Range(0, random.Next(1, 4)).Select(i => "item" + i).ToArray();
        var months = random.Next(1, 8);
        var start = YearMonth.Of(2025, 1);
        var needs = Enumerable.Range(0, random.Next(0, size)).Select(i => new Requirement(
            "R" + i, recipients[random.Next(recipients.Length)], items[random.Next(items.Length)], random.Next(1, 30),
            random.Next(1, 6), start.AddMonths(random.Next(months)), random.Next(0, 4))).ToArray();
        var offers = Enumerable.Range(0, random.Next(0, size)).Select(i =>
        {
            var scope = random.Next(3) == 0 ? CodeScope.Only(recipients.Where(_ => random.Next(2) == 0))
                : CodeScope.Any;
            return new Offer("O" + i, "DE", items[random.Next(items.Length)], random.Next(1, 30),
                start.AddMonths(random.Next(months)), random.Next(0, 3),
                scope.IsAny || scope.Codes.Count > 0 ? scope : CodeScope.Only(["XX"]), "");
        }).ToArray();
        return (needs, offers);
    }

    /// <summary>The optimum by the oracle over every eligible pair, with unused supply sent to a sink.</summary>
    private static long DenseOptimum(Requirement[] needs, Offer[] offers)
    {
        var sink = offers.Length + needs.Length;
        var arcs = new List<(int From, int To, long Cost, long Cap)>();
        for (var o = 0; o < offers.Length; o++)
        {
            arcs.Add((o, sink, 0, offers[o].Quantity));
            for (var r = 0; r < needs.Length; r++)
                if (Benefit.Eligible(offers[o], needs[r]))
                    arcs.Add((o, offers.Length + r, -Benefit.PerUnit(offers[o], needs[r]), offers[o].Quantity));
        }
        for (var r = 0; r < needs.Length; r++)
            arcs.Add((offers.Length + r, sink, 0, needs[r].Quantity));
        var supply = new long[sink + 1];
        for (var o = 0; o < offers.Length; o++)
            supply[o] = offers[o].Quantity;
        supply[sink] = -offers.Sum(o => o.Quantity);
        var (feasible, cost) = ShortestPathOracle.MinCostFlow(sink + 1, arcs, supply);
        feasible.ShouldBeTrue();
        return -cost;
    }
}
