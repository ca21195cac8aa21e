using Mainstay.Ledger;
using Mainstay.Money;

namespace Mainstay.Tests.Ledger;

public sealed class PledgeTests
{
    private static PledgeTranche Tranche(
        int year, PledgeStatus status, DateOnly? committed = null, DateOnly? disbursed = null, string currency = "EUR",
        PledgeKind kind = PledgeKind.MultiYear) =>
        new("WS-DE", year, "DE", "UA", kind, new Mainstay.Money.Money(700_000_000_000, Currency.Find(currency)!),
            status,
            new DateOnly(2024, 7, 10), committed, disbursed, "Washington Summit");

    [Fact]
    public void Each_transition_needs_its_date_in_order()
    {
        Tranche(2025, PledgeStatus.Committed).LifecycleProblems().ShouldContain(p => p.Field == "committed_on");
        Tranche(2025, PledgeStatus.Disbursed, new DateOnly(2025, 1, 1)).LifecycleProblems()
            .ShouldContain(p => p.Field == "disbursed_on");
        Tranche(2025, PledgeStatus.Announced, disbursed: new DateOnly(2025, 1, 1)).LifecycleProblems()
            .ShouldContain(p => p.Message.Contains("only a disbursed pledge"));
        Tranche(2025, PledgeStatus.Committed, new DateOnly(2024, 1, 1)).LifecycleProblems().Single().Message
            .ShouldBe("committed on 2024-01-01, before it was announced on 2024-07-10");
        Tranche(2025, PledgeStatus.Disbursed, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 1)).LifecycleProblems()
            .ShouldBeEmpty();
    }

    [Fact]
    public void Tranches_of_one_pledge_must_agree()
    {
        var problems =
            Pledge.ConsistencyProblems(
                [Tranche(2025, PledgeStatus.Announced), Tranche(2026, PledgeStatus.Announced, currency: "USD")])
                .ToArray();

        problems.Single().Field.ShouldBe("currency");
        problems.Single().Message.ShouldBe("pledge WS-DE is in EUR in year 2025, not USD");
    }

    [Fact]
    public void A_one_off_pledge_has_one_year()
    {
        var problems = Pledge.ConsistencyProblems(
            [Tranche(2025, PledgeStatus.Announced, kind: PledgeKind.OneOff),
                Tranche(2026, PledgeStatus.Announced, kind: PledgeKind.OneOff)]);

        problems.ShouldContain(
            p => p.Message.StartsWith("one-off pledge WS-DE has 2 yearly rows", StringComparison.Ordinal));
    }

    [Fact]
    public void A_multi_year_pledge_totals_its_years()
    {
        var pledge = Pledge.FromTranches([Tranche(2026, PledgeStatus.Announced), Tranche(2025, PledgeStatus.Announced)])
            .Single();

        pledge.Tranches.Select(t => t.Year).ShouldBe([2025, 2026]);
        pledge.Total.Minor.ShouldBe(1_400_000_000_000);
    }
}
