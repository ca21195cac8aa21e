using Mainstay.Ledger;
using Mainstay.Planning;
using Mainstay.Time;

namespace Mainstay.Tests.Planning;

public class PlanSessionTests
{
    [Fact]
    public void Starts_with_the_plan_of_a_full_solve()
    {
        var (needs, offers) = PlannerTests.RandomScenario(5, size: 40);

        var session = new PlanSession(needs, offers);

        Rows(session.Plan).ShouldBe(Rows(Planner.Solve(needs, offers)));
    }

    [Fact]
    public void Stays_optimal_through_changes_of_quantities_and_of_other_fields()
    {
        var random = new Random(3);
        var changes = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var (needs, offers) = PlannerTests.RandomScenario(seed, size: 16);
            if (needs.Length == 0 || offers.Length == 0)
                continue;
            var session = new PlanSession(needs, offers);
            for (var step = 0; step < 6; step++)
            {
                // Mostly quantities (re-optimised warm), sometimes a month, scope or item (solved again).
                var changedNeeds = Pick(random, needs).Select(i => needs[i] = random.Next(5) == 0
                    ? needs[i] with { NeedBy = needs[i].NeedBy.AddMonths(random.Next(-2, 3)),
                        Priority = random.Next(1, 6) }
                    : needs[i] with { Quantity = random.Next(1, 40) }).ToArray();
                var changedOffers = Pick(random, offers).Select(i => offers[i] = random.Next(5) == 0
                    ? offers[i] with { Item = needs[random.Next(needs.Length)].Item, Recipients = CodeScope.Any }
                    : offers[i] with { Quantity = random.Next(1, 40) }).ToArray();

                var plan = session.Change(changedNeeds, changedOffers);

                plan.ShouldBeFeasible(needs, offers);
                plan.Objective.ShouldBe(Planner.Solve(needs, offers).Objective, $"seed {seed} step {step}");
                changes++;
            }
        }
        changes.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void Re_optimises_a_large_item_type_after_one_offer_grows_or_shrinks()
    {
        var random = new Random(9);
        var start = YearMonth.Of(2025, 1);
        var needs = Enumerable.Range(0, 3_000).Select(i => new Requirement(
            $"R{i:D5}", i % 3 == 0 ? "MD" : "UA", "shell", random.Next(1, 50), random.Next(1, 6),
            start.AddMonths(random.Next(24)), random.Next(0, 6))).ToArray();
        var offers = Enumerable.Range(0, 3_000).Select(i => new Offer(
            $"O{i:D5}", "DE", "shell", random.Next(1, 50), start.AddMonths(random.Next(24)), random.Next(0, 3),
            i % 4 == 0 ? CodeScope.Only(["UA"]) : CodeScope.Any, "")).ToArray();
        var session = new PlanSession(needs, offers);

        foreach (var quantity in new long[] { 5_000, 1, 37, 100_000 })
        {
            var at = random.Next(offers.Length);
            offers[at] = offers[at] with { Quantity = quantity };

            var plan = session.Change([], [offers[at]]);

            plan.ShouldBeFeasible(needs, offers);
            plan.Objective.ShouldBe(Planner.Solve(needs, offers).Objective, $"offer {offers[at].Id} now {quantity}");
        }
    }

    [Fact]
    public void Refuses_a_row_it_does_not_hold_and_changes_nothing()
    {
        var (needs, offers) = PlannerTests.RandomScenario(5, size: 10);
        var session = new PlanSession(needs, offers);
        var before = Rows(session.Plan).ToArray();

        Should.Throw<ArgumentException>(
            () => session.Change([needs[0] with { Quantity = needs[0].Quantity + 7 }], [offers[0] with { Id = "NEW" }]))
            .Message.ShouldContain("offer NEW is not in this plan");

        Rows(session.Plan).ShouldBe(before);
        // The refused change left nothing behind: the next change plans the rows as they were, plus that change.
        offers[1] = offers[1] with { Quantity = offers[1].Quantity + 3 };
        var plan = session.Change([], [offers[1]]);
        plan.ShouldBeFeasible(needs, offers);
        plan.Objective.ShouldBe(Planner.Solve(needs, offers).Objective);
    }

    private static IEnumerable<int> Pick(Random random, Array rows) =>
        Enumerable.Range(0, random.Next(0, 3)).Select(_ => random.Next(rows.Length)).Distinct().ToArray();

    private static IEnumerable<(string, string, long)> Rows(Plan plan) =>
        plan.Allocations.Select(a => (a.Requirement.Id, a.Offer.Id, a.Quantity));
}
