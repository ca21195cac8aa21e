using Mainstay.Planning;

namespace Mainstay.Tests.Planning;

public class CurrentPlanKeeperTests
{
    [Fact]
    public void Keeps_the_optimal_plan_of_the_rows_through_changes_additions_and_removals()
    {
        var random = new Random(11);
        var (warm, fresh) = (0, 0);
        for (var seed = 0; seed < 120; seed++)
        {
            var (needs, offers) = PlannerTests.RandomScenario(seed, size: 14);
            if (needs.Length < 2 || offers.Length < 2)
                continue;
            var keeper = new CurrentPlanKeeper(TimeProvider.System);
            var requirements = needs.ToList();
            var offered = offers.ToList();
            for (var seq = 1; seq <= 6; seq++)
            {
                var before = keeper.WarmUpdates;
                var added = false;
                switch (random.Next(4))
                {
                    case 0 when requirements.Count > 1: // a row removed: a new session
                        requirements.RemoveAt(random.Next(requirements.Count));
                        added = true;
                        break;
                    case 1: // a row added: a new session
                        offered.Add(
                            offered[random.Next(offered.Count)] with { Id = $"N{seed}-{seq}",
                                Quantity = random.Next(1, 30) });
                        added = true;
                        break;
                    default: // rows changed in place: re-planned from the last optimum
                        var at = random.Next(offered.Count);
                        offered[at] = offered[at] with { Quantity = random.Next(1, 40) };
                        var r = random.Next(requirements.Count);
                        requirements[r] = requirements[r] with { Quantity = random.Next(1, 40) };
                        break;
                }

                var current = keeper.Update(requirements, offered, seq);

                current.AuditSeq.ShouldBe(seq);
                current.Plan.ShouldBeFeasible(requirements, offered);
                current.Plan.Objective.ShouldBe(Planner.Solve(requirements, offered).Objective,
                    $"seed {seed} step {seq}");
                if (seq > 1 && !added)
                    keeper.WarmUpdates.ShouldBe(before + 1);
                if (added)
                    keeper.WarmUpdates.ShouldBe(before);
                (warm, fresh) = keeper.WarmUpdates > before ? (warm + 1, fresh) : (warm, fresh + 1);
            }
        }
        warm.ShouldBeGreaterThan(150);
        fresh.ShouldBeGreaterThan(150);
    }

    [Fact]
    public void Says_when_its_plan_was_made_and_leaves_an_unchanged_ledger_as_it_was()
    {
        var clock = new SetClock { Now = new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero) };
        var (needs, offers) = PlannerTests.RandomScenario(3, size: 20);
        var keeper = new CurrentPlanKeeper(clock);
        var first = keeper.Update(needs, offers, 40);
        clock.Now += TimeSpan.FromMinutes(5);

        var again = keeper.Update(needs, offers, 41);

        first.MadeAt.ShouldBe(new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero));
        again.MadeAt.ShouldBe(new DateTimeOffset(2026, 12, 2, 9, 35, 0, TimeSpan.Zero));
        again.Plan.ShouldBeSameAs(first.Plan); // nothing to re-plan
        keeper.WarmUpdates.ShouldBe(0);
    }

    private sealed class SetClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
