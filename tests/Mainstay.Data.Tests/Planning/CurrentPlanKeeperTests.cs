using Mainstay.Ledger;
using Mainstay.Data.Planning;
using Mainstay.Planning;
using Mainstay.Time;

namespace Mainstay.Data.Tests.Planning;

public class CurrentPlanKeeperTests
{
    [Fact]
    public void Keeps_the_optimal_plan_of_the_rows_through_changes_additions_and_removals()
    {
        var random = new Random(11);
        var (warm, fresh) = (0, 0);
        for (var seed = 0; seed < 120; seed++)
        {
            var (needs, offers) = RandomScenario(seed, size: 14);
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
                PlanCheck.Violations(current.Plan).ShouldBeEmpty();
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
        var (needs, offers) = RandomScenario(3, size: 20);
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

    [Fact]
    public void With_funds_the_current_plan_is_the_joint_plan_and_carries_its_funds()
    {
        var start = YearMonth.Of(2026, 1);
        Requirement[] needs = [new("R1", "UA", "shell", 10, 1, start.AddMonths(2), 0)];
        Offer[] offers = [new("O1", "DE", "shell", 4, start, 0, CodeScope.Any, "")];
        Fund[] funds = [new("F1", "NL", 1_000, start, CodeScope.Any, CodeScope.Any)];
        ProcurementOption[] options = [new("P1", "US", "shell", 100, start, start.AddMonths(6), 1, 50)];
        var keeper = new CurrentPlanKeeper(TimeProvider.System);

        var current = keeper.Update(needs, offers, 7, funds, options);

        // 4 offered, 6 bought at EUR 100 (EUR 1,000 buys up to 10): every unit on time.
        current.Plan.Coverage.ShouldHaveSingleItem().Allocated.ShouldBe(10);
        current.Plan.SpentEur.ShouldBe(600);
        current.Plan.Objective.ShouldBe(10 * 10_000);
        current.Funds.ShouldBe(funds);
        current.AuditSeq.ShouldBe(7);
        keeper.Update(needs, offers, 8).Plan.Purchases.ShouldBeEmpty();
    }

    /// <summary>Small scenarios where pairs compete: few recipients, months and items; ties and restrictions.</summary>
    private static (Requirement[] Needs, Offer[] Offers) RandomScenario(int seed, int size = 12)
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
}
