using Mainstay.Ledger;
using Mainstay.Planning;
using Mainstay.Time;

namespace Mainstay.Procurement.Tests;

/// <summary>
/// Cases the compact model could get wrong if its lanes were built carelessly: units that wait, late
/// draws, offers shared by recipients a fund cannot buy for, and money that becomes available late.
/// </summary>
public sealed class CompactModelTests
{
    private static readonly YearMonth Jan = YearMonth.Of(2026, 1);

    private static Requirement Need(string id, string recipient, long quantity, int priority, int dueIn, int useful) =>
        new(id, recipient, "shell", quantity, priority, Jan.AddMonths(dueIn), useful);

    private static Offer Give(string id, long quantity, int availableIn, string scope = "*") =>
        new(id, "DE", "shell", quantity, Jan.AddMonths(availableIn), 0, Scope(scope), "");

    private static Fund Money(string id, long euros, int availableIn, string recipients = "*") =>
        new(id, "NL", euros, Jan.AddMonths(availableIn), CodeScope.Any, Scope(recipients));

    private static ProcurementOption Buy(string id, long price, int first, int last, int lead, long capacity) =>
        new(id, "US", "shell", price, Jan.AddMonths(first), Jan.AddMonths(last), lead, capacity);

    private static CodeScope Scope(string text) =>
        CodeScope.TryParse(text, out var scope, out var why) ? scope : throw new ArgumentException(why);

    [Fact]
    public void An_offer_goes_where_no_fund_can_buy_and_the_fund_buys_for_the_other()
    {
        // One offer of 10 may serve UA or MD equally; the fund may only buy for UA. Best: the offer to MD,
        // 10 bought for UA: 2 × 10 × 10000 = 200000, EUR 10 × 5 = 50 spent.
        Requirement[] needs = [Need("r-md", "MD", 10, 1, 3, 0), Need("r-ua", "UA", 10, 1, 3, 0)];
        var plan = JointPlanner.Solve(
            needs, [Give("o", 10, 0)], [Money("f", 1000, 0, "UA")], [Buy("p", 5, 0, 5, 1, 100)], TimeSpan.FromSeconds(10));

        plan.Objective.ShouldBe(200_000);
        plan.SpentEur.ShouldBe(50);
        plan.Optimal.ShouldBeTrue();
        plan.Allocations.ShouldHaveSingleItem().Requirement.Id.ShouldBe("r-md");
        PlanCheck.Violations(plan).ShouldBeEmpty();
    }

    [Fact]
    public void In_kind_units_win_a_tie_with_bought_ones()
    {
        // 10 needed; 10 offered on time; 10 could be bought on time. Same objective either way: spend 0.
        var plan = JointPlanner.Solve(
            [Need("r", "UA", 10, 2, 4, 2)], [Give("o", 10, 1)], [Money("f", 1000, 0)], [Buy("p", 7, 0, 5, 1, 100)],
            TimeSpan.FromSeconds(10));

        plan.Objective.ShouldBe(1000 * 3 * 10);
        plan.SpentEur.ShouldBe(0);
        plan.Purchases.ShouldBeEmpty();
    }

    [Fact]
    public void A_late_purchase_counts_its_months_late_and_money_waits_for_its_month()
    {
        // Money from month 3, lead 2: the earliest arrival is month 5, two months after need-by month 3
        // (useful 4): benefit 100 × (4 + 1 - 2) = 300 per unit; capacity 4 a month, 6 affordable (EUR 60).
        // Month 3 orders 4 (late 2), month 4 orders 2 (late 3, benefit 200): 4 × 300 + 2 × 200 = 1600.
        var plan = JointPlanner.Solve(
            [Need("r", "UA", 20, 3, 3, 4)], [], [Money("f", 60, 3)], [Buy("p", 10, 0, 9, 2, 4)],
            TimeSpan.FromSeconds(10));

        plan.Objective.ShouldBe(1600);
        plan.SpentEur.ShouldBe(60);
        plan.Purchases.Select(p => (p.OrderMonth, p.Quantity)).ShouldBe([(Jan.AddMonths(3), 4L), (Jan.AddMonths(4), 2L)]);
        PlanCheck.Violations(plan).ShouldBeEmpty();
    }

    [Fact]
    public void A_scenario_without_eligible_purchases_is_the_network_simplex_plan()
    {
        Requirement[] needs = [Need("a", "UA", 5, 1, 2, 1), Need("b", "MD", 7, 2, 1, 0)];
        Offer[] offers = [Give("o1", 6, 0), Give("o2", 9, 2, "MD")];

        var plan = JointPlanner.Solve(
            needs, offers, [Money("f", 100, 30)], [Buy("p", 1, 0, 5, 0, 10)], TimeSpan.FromSeconds(10));

        var simplex = Planner.Solve(needs, offers);
        plan.Objective.ShouldBe(simplex.Objective);
        plan.Allocations.ShouldBe(simplex.Allocations);
        plan.Purchases.ShouldBeEmpty();
        plan.Funds.ShouldHaveSingleItem().SpentEur.ShouldBe(0);
    }
}
