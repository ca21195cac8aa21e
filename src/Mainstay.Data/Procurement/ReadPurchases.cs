using Mainstay.Access;
using Mainstay.Planning;

namespace Mainstay.Data.Procurement;

/// <summary>A purchase as one user may see it: the fund that pays named only where <see cref="FundShown"/>.</summary>
public readonly record struct SeenPurchase(Purchase Purchase, bool FundShown)
{
    /// <summary>The paying fund's id, or null where the user may not know which fund paid.</summary>
    public string? FundId => FundShown ? Purchase.Fund.Id : null;
}

/// <summary>
/// A user reads the current plan's purchases: which fund buys how many units of which option, in which
/// month, for which requirement, at what cost, arriving when. Coordinators and auditors read them all; a
/// donor desk those its own funds pay; a recipient officer those for its own requirements, with the fund
/// that pays named only when that fund is released; the public and everyone else none. The Plan page
/// (its list and download), the Funds page and <c>GET /api/v1/purchases</c> call this.
/// </summary>
public static class ReadPurchases
{
    /// <param name="RequirementId">Only this requirement's purchases; null or empty: any.</param>
    /// <param name="FundId">Only the purchases this fund pays (where the user may know it pays); null or empty:
    /// any.</param>
    public sealed record Request(string? RequirementId = null, string? FundId = null);

    /// <summary>The purchases the user may see that the request selects, in the plan's order; or why none.</summary>
    public sealed record Outcome(Refusal Refusal, string Message, IReadOnlyList<SeenPurchase> Purchases);

    public static Outcome Handle(CurrentPlan plan, Request request, User? user)
    {
        if (user is null)
            return new Outcome(Refusal.SignInNeeded,
                "sign in to read purchases: send Authorization: Bearer with a personal API token", []);
        if (user.Role is not (Role.Coordinator or Role.Auditor or Role.DonorDesk or Role.RecipientOfficer))
            return new Outcome(Refusal.NotFound, "no purchases you may see", []);
        var requirement = request.RequirementId?.Trim() is { Length: > 0 } r ? r : null;
        var fund = request.FundId?.Trim() is { Length: > 0 } f ? f : null;
        var seen = Visible(plan.Plan, user)
            .Where(p => requirement is null || p.Purchase.Requirement.Id == requirement)
            .Where(p => fund is null || p.FundId == fund) // a fund the user may not know pays matches nothing
            .ToArray();
        return new Outcome(Refusal.None, "", seen);
    }

    /// <summary>The purchases of <paramref name="plan"/> <paramref name="user"/> may see, as they see them.</summary>
    public static IEnumerable<SeenPurchase> Visible(Plan plan, User? user)
    {
        foreach (var purchase in plan.Purchases)
        {
            if (AccessPolicy.SeesEverything(user) || PaysOwn(user, purchase.Fund))
                yield return new SeenPurchase(purchase, true);
            else if (user is { Role: Role.RecipientOfficer, Nation: { } nation }
                && purchase.Requirement.Recipient == nation)
                yield return new SeenPurchase(purchase, purchase.Fund.Released);
        }
    }

    /// <summary>Whether the fund is the user's own, as a donor desk: its purchases are the desk's to see.</summary>
    public static bool PaysOwn(User? user, Mainstay.Ledger.Fund fund) =>
        user is { Role: Role.DonorDesk, Nation: { } nation } && fund.Donor == nation;
}
