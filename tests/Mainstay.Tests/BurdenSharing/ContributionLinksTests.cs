using Mainstay.BurdenSharing;
using Mainstay.Money;
using Amount = Mainstay.Money.Money;

namespace Mainstay.Tests.BurdenSharing;

public sealed class ContributionLinksTests
{
    private static Contribution C(string id, string? fundedBy = null, string? reimbursedBy = null) =>
        new(id, "DE", "UA", new DateOnly(2025, 1, 1), AidType.Military, ContributionCategory.Equipment, Channel.Nato,
            Amount.FromUnits(1, Currency.Eur), ValuationBasis.Cash, "test", fundedBy, reimbursedBy);

    private static string[] Problems(params Contribution[] contributions) =>
        ContributionLinks.Problems(contributions).Select(p => $"{p.Contribution.Id}: {p.Field}: {p.Message}").ToArray();

    [Fact]
    public void Links_to_existing_contributions_without_loops_are_fine() =>
        Problems(C("A"), C("B", fundedBy: "A"), C("C", reimbursedBy: "A"), C("D", fundedBy: "B")).ShouldBeEmpty();

    [Fact]
    public void A_contribution_that_links_to_itself_is_refused() =>
        Problems(C("A", reimbursedBy: "A")).ShouldBe(["A: reimbursed_by: contribution A links to itself"]);

    [Fact]
    public void A_link_to_nothing_is_refused() =>
        Problems(C("A", fundedBy: "Z")).ShouldBe(["A: funded_by: no contribution \"Z\""]);

    [Fact]
    public void A_loop_of_links_is_reported_once_with_its_path() =>
        Problems(C("A", fundedBy: "B"), C("B", reimbursedBy: "C"), C("C", fundedBy: "A"), C("D", fundedBy: "A"))
            .ShouldBe(["A: funded_by: the links form a loop: A → B → C → A"]);

    [Fact]
    public void A_loop_entered_from_outside_reads_from_its_smallest_id_whichever_row_led_to_it() =>
        Problems(C("A0", reimbursedBy: "M1"), C("E1", fundedBy: "M1"), C("M1", fundedBy: "E1"))
            .ShouldBe(["E1: funded_by: the links form a loop: E1 → M1 → E1"]);
}
