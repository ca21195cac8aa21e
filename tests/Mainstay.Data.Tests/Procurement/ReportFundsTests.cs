using Mainstay.Access;
using Mainstay.Data.Procurement;
using Mainstay.Ledger;
using Mainstay.Planning;
using Mainstay.Time;

namespace Mainstay.Data.Tests.Procurement;

/// <summary>
/// What a fund could buy next, ranked by benefit per euro, and who sees which fund and purchase of the report.
/// </summary>
public sealed class ReportFundsTests
{
    private static readonly YearMonth Jan = YearMonth.Of(2026, 1);

    // Priority 1 (weight 10,000), 2 (1,000), 3 (100); useful for 2 months after need-by.
    private static readonly Requirement Shells = new("UA-R1", "UA", "155mm-shell", 1_000, 2, Jan.AddMonths(3), 2);
    private static readonly Requirement Drones = new("UA-R2", "UA", "recon-uav", 100, 1, Jan.AddMonths(3), 2);
    private static readonly Requirement Boats = new("UA-R3", "UA", "boat", 5, 3, Jan.AddMonths(3), 2);
    private static readonly Requirement Moldova = new("MD-R1", "MD", "155mm-shell", 100, 1, Jan.AddMonths(3), 2);
    private static readonly Requirement Covered = new("UA-R4", "UA", "155mm-shell", 20, 1, Jan.AddMonths(3), 2);

    private static readonly ProcurementOption CheapShells =
        new("CZ-155", "CZ", "155mm-shell", 3_000, Jan, Jan.AddMonths(12), 2, 500);
    private static readonly ProcurementOption SlowShells =
        new("DE-155", "DE", "155mm-shell", 2_000, Jan, Jan.AddMonths(12), 5, 500);
    private static readonly ProcurementOption LateShells =
        new("XX-155", "XX", "155mm-shell", 1, Jan, Jan.AddMonths(12), 9, 500);
    private static readonly ProcurementOption DroneMaker =
        new("DE-UAV", "DE", "recon-uav", 180_000, Jan, Jan.AddMonths(12), 1, 4);
    private static readonly ProcurementOption Shipyard =
        new("PL-BOAT", "PL", "boat", 50_000_000, Jan, Jan.AddMonths(12), 1, 1);

    private static readonly ProcurementOption[] Options = [CheapShells, SlowShells, LateShells, DroneMaker, Shipyard];

    private static Fund FundOf(string id, string donor, long eur, string items = "*", string recipients = "UA",
        bool released = false) => new(id, donor, eur, Jan, Scope(items), Scope(recipients), Released: released);

    private static CodeScope Scope(string text) => CodeScope.TryParse(text, out var scope, out _)
        ? scope : throw new ArgumentException(text);

    private static Plan PlanOf(IReadOnlyList<Fund> funds, params Purchase[] purchases) => Plan.Joint(
        [Shells, Drones, Boats, Moldova, Covered], [], funds, purchases);

    [Fact]
    public void A_fund_could_buy_next_for_the_short_requirements_it_may_pay_ranked_by_benefit_per_euro()
    {
        var fund = FundOf("NL-1", "NL", 1_000_000);
        var other = FundOf("DE-1", "DE", 10_000_000);
        // Another fund covered UA-R4 in full and took all but 100 of CZ-155's capacity in January.
        var plan = PlanOf([fund, other],
            new Purchase(other, CheapShells, Jan, Covered, 20), new Purchase(other, CheapShells, Jan, Shells, 380));

        var next = ReportFunds.NextFor(fund, 1_000_000, plan, Options, 10);

        // Shells: priority 2, CZ-155 on time: 1,000 × 3 / 3,000 EUR = 1 per euro; DE-155 arrives 2 months late:
        // 1,000 × 1 / 2,000 EUR = 0.5 per euro. Drones: 10,000 × 3 / 180,000 EUR ≈ 0.17 per euro. XX-155 arrives
        // after the useful window, boats cost more than the fund holds, Moldova is outside its earmark, UA-R4 is
        // covered.
        next.Select(n => (n.Requirement.Id, n.Option.Id)).ShouldBe(
            [("UA-R1", "CZ-155"), ("UA-R1", "DE-155"), ("UA-R2", "DE-UAV")]);
        var first = next[0];
        first.ShortUnits.ShouldBe(620);
        first.OrderMonth.ShouldBe(Jan); // 100 units of January's capacity are left
        first.LateMonths.ShouldBe(0);
        first.BenefitPerUnit.ShouldBe(3_000);
        first.CapacityLeft.ShouldBe(100 + (3 * 500)); // January's rest, February to April (the last month in time)
        first.Units.ShouldBe(333); // EUR 1,000,000 buys 333 units at EUR 3,000
        first.CostEur.ShouldBe(999_000);
        next[1].LateMonths.ShouldBe(2);
        next[2].Units.ShouldBe(5); // the money buys 5 of the 100 short; 5 months in time hold 20
        ReportFunds.NextFor(fund, 1_000_000, plan, Options, 1).Count.ShouldBe(1);
        ReportFunds.NextFor(fund, 0, plan, Options, 10).ShouldBeEmpty();
    }

    [Fact]
    public void Where_the_plan_took_the_capacity_the_fund_could_buy_none_and_its_first_month_in_time_is_named()
    {
        var fund = FundOf("NL-1", "NL", 10_000_000, items: "recon-uav");
        var other = FundOf("DE-1", "DE", 10_000_000);
        // Orders in January to May arrive by May, the end of UA-R2's useful window: the other fund took all 20.
        var plan = PlanOf([fund, other],
            [.. Enumerable.Range(0, 5).Select(m => new Purchase(other, DroneMaker, Jan.AddMonths(m), Drones, 4))]);

        var next = ReportFunds.NextFor(fund, 10_000_000, plan, Options, 5);

        next.ShouldHaveSingleItem();
        next[0].ShortUnits.ShouldBe(80);
        next[0].CapacityLeft.ShouldBe(0);
        next[0].OrderMonth.ShouldBe(Jan); // the first month the fund could order in
        next[0].Units.ShouldBe(0);
    }

    [Fact]
    public void Each_user_sees_a_fund_whole_as_totals_or_not_at_all()
    {
        var own = FundOf("PL-1", "PL", 1_000_000);
        var released = FundOf("DE-1", "DE", 2_000_000, released: true);
        var hidden = FundOf("DK-1", "DK", 3_000_000);
        var plan = PlanOf([own, released, hidden], new Purchase(hidden, CheapShells, Jan, Shells, 10),
            new Purchase(released, CheapShells, Jan, Shells, 5), new Purchase(own, CheapShells, Jan, Shells, 1));
        var current = new CurrentPlan(plan, [Shells, Drones, Boats, Moldova, Covered], [], 7, DateTimeOffset.UnixEpoch)
        {
            Funds = [own, released, hidden], Options = Options,
        };
        var now = DateTimeOffset.UnixEpoch;
        User Of(Role role, string? nation) => new("u", role, nation, false, now);

        var auditor = ReportFunds.Handle(current, new(), Of(Role.Auditor, null));
        var desk = ReportFunds.Handle(current, new(), Of(Role.DonorDesk, "PL"));
        var officer = ReportFunds.Handle(current, new(), Of(Role.RecipientOfficer, "UA"));
        var moldova = ReportFunds.Handle(current, new(), Of(Role.RecipientOfficer, "MD"));
        var anyone = ReportFunds.Handle(current, new(), null);

        auditor.Funds.Select(f => (f.Fund.Id, f.Whole, f.SpentEur)).ShouldBe(
            [("DE-1", true, 15_000), ("DK-1", true, 30_000), ("PL-1", true, 3_000)]);
        desk.Funds.Select(f => (f.Fund.Id, f.Whole, f.EarmarkShown)).ShouldBe(
            [("DE-1", false, true), ("PL-1", true, true)]);
        desk.Funds.Single(f => f.Fund.Id == "DE-1").Purchases.ShouldBeEmpty();
        desk.Funds.Single(f => f.Fund.Id == "PL-1").Purchases.Single().Quantity.ShouldBe(1);
        officer.Funds.Select(f => (f.Fund.Id, f.Whole, f.EarmarkShown)).ShouldBe([("DE-1", false, true)]);
        officer.ForOwnRequirements.Select(p => (p.FundId, p.Purchase.Quantity)).ShouldBe(
            [("DE-1", 5L), (null, 10L), (null, 1L)]);
        moldova.Funds.Select(f => (f.Fund.Id, f.EarmarkShown)).ShouldBe([("DE-1", false)]); // its totals only
        moldova.ForOwnRequirements.ShouldBeEmpty();
        anyone.Funds.Select(f => (f.Fund.Id, f.Whole, f.EarmarkShown, f.SpentEur, f.LeftEur)).ShouldBe(
            [("DE-1", false, false, 15_000, 1_985_000)]);
        anyone.ForOwnRequirements.ShouldBeEmpty();
        ReportFunds.Handle(current, new(Next: 21), null).Refusal.ShouldBe(Refusal.BadQuery);
    }

    [Fact]
    public void A_recipient_officer_cannot_find_which_hidden_fund_pays_by_filtering_purchases_on_it()
    {
        var hidden = FundOf("DK-1", "DK", 3_000_000);
        var plan = PlanOf([hidden], new Purchase(hidden, CheapShells, Jan, Shells, 10));
        var current = new CurrentPlan(plan, [Shells], [], 1, DateTimeOffset.UnixEpoch) { Funds = [hidden] };
        var officer = new User("u", Role.RecipientOfficer, "UA", false, DateTimeOffset.UnixEpoch);

        ReadPurchases.Handle(current, new(FundId: "DK-1"), officer).Purchases.ShouldBeEmpty();
        ReadPurchases.Handle(current, new(RequirementId: "UA-R1"), officer).Purchases.Single().FundId.ShouldBeNull();
        ReadPurchases.Handle(current, new(), null).Refusal.ShouldBe(Refusal.SignInNeeded);
        ReadPurchases.Handle(current, new(), officer with { Role = Role.Public, Nation = null }).Refusal
            .ShouldBe(Refusal.NotFound);
    }
}
