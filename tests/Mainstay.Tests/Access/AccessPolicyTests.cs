using Mainstay.Access;
using Mainstay.Ledger;

namespace Mainstay.Tests.Access;

/// <summary>
/// Who sees an offer: its donor always; other nations only once it is released, and recipients only if it may go to
/// them.
/// </summary>
public class AccessPolicyTests
{
    private static RowParties Offer(string donor, string recipients, string released) =>
        new(Donor: donor, ReleasedTo: released == "yes" ? Reach(recipients) : null);

    private static CodeScope Reach(string recipients) =>
        recipients == "*" ? CodeScope.Any : CodeScope.Only(recipients.Split(';'));

    private static User Desk(string nation) => new("desk", Role.DonorDesk, nation, false, DateTimeOffset.UnixEpoch);

    private static User Officer(string nation) =>
        new("officer", Role.RecipientOfficer, nation, false, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("PL", "*", "no", true)]   // its own
    [InlineData("DE", "*", "no", false)]  // another nation's, not released: it does not exist for the desk
    [InlineData("DE", "UA", "yes", true)] // released: every desk may see it
    public void A_donor_desk_sees_its_own_offers_and_the_released_ones(
        string donor, string recipients, string released, bool visible)
    {
        AccessPolicy.CanSee(Desk("PL"), LedgerTable.Offers, Offer(donor, recipients, released)).ShouldBe(visible);
        AccessPolicy.CanWrite(Desk("PL"), LedgerTable.Offers, Offer(donor, recipients, released))
            .ShouldBe(donor == "PL");
    }

    [Theory]
    [InlineData("*", "yes", true)]
    [InlineData("MD;UA", "yes", true)]
    [InlineData("MD;GE", "yes", false)] // released, but it may not go to Ukraine
    [InlineData("UA", "no", false)]     // not released
    public void A_recipient_officer_sees_released_offers_that_may_go_to_its_nation(
        string recipients, string released, bool visible)
    {
        AccessPolicy.CanSee(Officer("UA"), LedgerTable.Offers, Offer("DE", recipients, released)).ShouldBe(visible);
        AccessPolicy.CanWrite(Officer("UA"), LedgerTable.Offers, Offer("DE", recipients, released)).ShouldBeFalse();
    }

    [Fact]
    public void The_public_sees_no_offer_released_or_not()
    {
        AccessPolicy.CanSeeTable(null, LedgerTable.Offers).ShouldBeFalse();
        AccessPolicy.CanSee(null, LedgerTable.Offers, Offer("DE", "*", "yes")).ShouldBeFalse();
        var auditor = new User("auditor", Role.Auditor, null, false, DateTimeOffset.UnixEpoch);
        AccessPolicy.CanSee(auditor, LedgerTable.Offers, Offer("DE", "*", "no")).ShouldBeTrue();
    }

    [Theory]
    [InlineData(LedgerTable.Offers, NationSide.Donor)]
    [InlineData(LedgerTable.Pledges, NationSide.Donor)]
    [InlineData(LedgerTable.Contributions, NationSide.Donor)]
    [InlineData(LedgerTable.Requirements, NationSide.Recipient)]
    [InlineData(LedgerTable.Deliveries, NationSide.Recipient)]
    [InlineData(LedgerTable.Funds, NationSide.Donor)]
    [InlineData(LedgerTable.Procurement, null)]
    [InlineData(LedgerTable.Nations, null)]
    [InlineData(LedgerTable.Items, null)]
    [InlineData(LedgerTable.Baselines, null)]
    public void A_row_belongs_to_the_nation_on_its_tables_owning_side(LedgerTable table, NationSide? owner) =>
        AccessPolicy.OwnerSide(table).ShouldBe(owner);

    [Fact]
    public void A_pledge_is_seen_by_its_donors_desk_and_its_recipients_officer_and_written_by_the_desk_only()
    {
        var pledge = new RowParties(Donor: "PL", Recipient: "UA");
        AccessPolicy.CanSee(Desk("PL"), LedgerTable.Pledges, pledge).ShouldBeTrue();
        AccessPolicy.CanSee(Desk("DE"), LedgerTable.Pledges, pledge).ShouldBeFalse();
        AccessPolicy.CanSee(Officer("UA"), LedgerTable.Pledges, pledge).ShouldBeTrue();
        AccessPolicy.CanSee(Officer("MD"), LedgerTable.Pledges, pledge).ShouldBeFalse();
        AccessPolicy.CanWrite(Desk("PL"), LedgerTable.Pledges, pledge).ShouldBeTrue();
        AccessPolicy.CanWrite(Officer("UA"), LedgerTable.Pledges, pledge).ShouldBeFalse();
    }

    [Fact]
    public void Every_desk_reads_every_requirement_and_only_its_recipients_officer_writes_it()
    {
        var requirement = new RowParties(Recipient: "UA");
        AccessPolicy.CanSee(Desk("DE"), LedgerTable.Requirements, requirement).ShouldBeTrue();
        AccessPolicy.CanWrite(Desk("DE"), LedgerTable.Requirements, requirement).ShouldBeFalse();
        AccessPolicy.CanSee(Officer("MD"), LedgerTable.Requirements, requirement).ShouldBeFalse();
        AccessPolicy.CanWrite(Officer("UA"), LedgerTable.Requirements, requirement).ShouldBeTrue();
        AccessPolicy.CanWrite(Officer("MD"), LedgerTable.Requirements, requirement).ShouldBeFalse();
    }

    [Fact]
    public void A_delivery_is_its_recipients_and_no_desks()
    {
        var delivery = new RowParties(Recipient: "UA");
        AccessPolicy.CanSee(Officer("UA"), LedgerTable.Deliveries, delivery).ShouldBeTrue();
        AccessPolicy.CanSee(Officer("MD"), LedgerTable.Deliveries, delivery).ShouldBeFalse();
        AccessPolicy.CanSee(Desk("UA"), LedgerTable.Deliveries, delivery).ShouldBeFalse();
    }

    [Theory]
    [InlineData("PL", "*", "no", true)]   // its own
    [InlineData("DE", "*", "no", false)]  // another nation's, not released
    [InlineData("DE", "MD", "yes", true)] // released: every desk may see it
    public void A_donor_desk_sees_its_own_funds_and_the_released_ones_and_writes_only_its_own(
        string donor, string recipients, string released, bool visible)
    {
        var fund = Offer(donor, recipients, released);
        AccessPolicy.CanSeeTable(Desk("PL"), LedgerTable.Funds).ShouldBeTrue();
        AccessPolicy.CanSee(Desk("PL"), LedgerTable.Funds, fund).ShouldBe(visible);
        AccessPolicy.CanWriteTable(Desk("PL"), LedgerTable.Funds).ShouldBeTrue();
        AccessPolicy.CanWrite(Desk("PL"), LedgerTable.Funds, fund).ShouldBe(donor == "PL");
    }

    [Theory]
    [InlineData("*", "yes", true)]
    [InlineData("MD;UA", "yes", true)]
    [InlineData("MD", "yes", false)] // released, but what it buys may not go to Ukraine
    [InlineData("UA", "no", false)]  // not released
    public void A_recipient_officer_sees_the_released_funds_whose_purchases_may_go_to_its_nation(
        string recipients, string released, bool visible)
    {
        AccessPolicy.CanSee(Officer("UA"), LedgerTable.Funds, Offer("DE", recipients, released)).ShouldBe(visible);
        AccessPolicy.CanWrite(Officer("UA"), LedgerTable.Funds, Offer("DE", recipients, released)).ShouldBeFalse();
    }

    [Fact]
    public void The_public_reads_no_fund_row_and_the_auditor_reads_every_one_and_writes_none()
    {
        AccessPolicy.CanSeeTable(null, LedgerTable.Funds).ShouldBeFalse();
        AccessPolicy.CanSee(null, LedgerTable.Funds, Offer("DE", "*", "yes")).ShouldBeFalse();
        var auditor = new User("auditor", Role.Auditor, null, false, DateTimeOffset.UnixEpoch);
        AccessPolicy.CanSee(auditor, LedgerTable.Funds, Offer("DE", "*", "no")).ShouldBeTrue();
        AccessPolicy.CanWriteTable(auditor, LedgerTable.Funds).ShouldBeFalse();
    }

    [Fact]
    public void Procurement_options_are_read_by_every_signed_in_user_and_written_by_coordinators_only()
    {
        var coordinator = new User("coord", Role.Coordinator, null, false, DateTimeOffset.UnixEpoch);
        var option = new RowParties();
        foreach (var user in new[] { Desk("PL"), Officer("UA"), coordinator })
        {
            AccessPolicy.CanSeeTable(user, LedgerTable.Procurement).ShouldBeTrue(user.Name);
            AccessPolicy.CanSee(user, LedgerTable.Procurement, option).ShouldBeTrue(user.Name);
        }
        AccessPolicy.CanSeeTable(null, LedgerTable.Procurement).ShouldBeFalse();
        AccessPolicy.CanSee(null, LedgerTable.Procurement, option).ShouldBeFalse();
        AccessPolicy.CanWriteTable(Desk("PL"), LedgerTable.Procurement).ShouldBeFalse();
        AccessPolicy.CanWriteTable(Officer("UA"), LedgerTable.Procurement).ShouldBeFalse();
        AccessPolicy.CanWrite(coordinator, LedgerTable.Procurement, option).ShouldBeTrue();
    }
}
