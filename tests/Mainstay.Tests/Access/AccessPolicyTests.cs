using Mainstay.Access;

namespace Mainstay.Tests.Access;

/// <summary>Who sees an offer: its donor always; other nations only once it is released, and recipients only if it may go to them.</summary>
public class AccessPolicyTests
{
    private static readonly string[] Columns = ["id", "donor", "item", "quantity", "available", "transit_months", "recipients", "conditions", "released"];

    private static Func<string, string> Offer(string donor, string recipients, string released) =>
        column => new[] { "O1", donor, "155mm-shell", "10", "2026-01", "0", recipients, "", released }[Array.IndexOf(Columns, column)];

    private static User Desk(string nation) => new("desk", Role.DonorDesk, nation, false, DateTimeOffset.UnixEpoch);

    private static User Officer(string nation) => new("officer", Role.RecipientOfficer, nation, false, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("PL", "*", "no", true)]   // its own
    [InlineData("DE", "*", "no", false)]  // another nation's, not released: it does not exist for the desk
    [InlineData("DE", "UA", "yes", true)] // released: every desk may see it
    public void A_donor_desk_sees_its_own_offers_and_the_released_ones(string donor, string recipients, string released, bool visible)
    {
        AccessPolicy.CanSee(Desk("PL"), "offers", Offer(donor, recipients, released)).ShouldBe(visible);
        AccessPolicy.CanWrite(Desk("PL"), "offers", Offer(donor, recipients, released)).ShouldBe(donor == "PL");
    }

    [Theory]
    [InlineData("*", "yes", true)]
    [InlineData("MD;UA", "yes", true)]
    [InlineData("MD;GE", "yes", false)] // released, but it may not go to Ukraine
    [InlineData("UA", "no", false)]     // not released
    public void A_recipient_officer_sees_released_offers_that_may_go_to_its_nation(string recipients, string released, bool visible)
    {
        AccessPolicy.CanSee(Officer("UA"), "offers", Offer("DE", recipients, released)).ShouldBe(visible);
        AccessPolicy.CanWrite(Officer("UA"), "offers", Offer("DE", recipients, released)).ShouldBeFalse();
    }

    [Fact]
    public void The_public_sees_no_offer_released_or_not()
    {
        AccessPolicy.CanSeeTable(null, "offers").ShouldBeFalse();
        AccessPolicy.CanSee(null, "offers", Offer("DE", "*", "yes")).ShouldBeFalse();
        AccessPolicy.CanSee(new User("auditor", Role.Auditor, null, false, DateTimeOffset.UnixEpoch), "offers", Offer("DE", "*", "no")).ShouldBeTrue();
    }
}
