namespace Mainstay.Access;

/// <summary>What a user may do and see (docs/web.md, "Who sees what").</summary>
public enum Role
{
    /// <summary>Keeps the ledger, runs plans, publishes reports; sees everything.</summary>
    Coordinator,
    /// <summary>
    /// Records one nation's pledges, offers and deliveries; sees its own records in full, others' only as released.
    /// </summary>
    DonorDesk,
    /// <summary>Records and prioritises one nation's requirements; sees what is planned and delivered to it.</summary>
    RecipientOfficer,
    /// <summary>Sees everything, read-only, and the audit trail.</summary>
    Auditor,
    /// <summary>Sees released aggregates only.</summary>
    Public,
}

/// <summary>The file and command-line codes of the roles, both ways.</summary>
public static class Roles
{
    public static readonly IReadOnlyDictionary<string, Role> ByCode = new Dictionary<string, Role>(
        StringComparer.Ordinal)
    {
        ["coordinator"] = Role.Coordinator,
        ["donor-desk"] = Role.DonorDesk,
        ["recipient-officer"] = Role.RecipientOfficer,
        ["auditor"] = Role.Auditor,
        ["public"] = Role.Public,
    };

    public static string Code(this Role role) => ByCode.First(r => r.Value == role).Key;

    /// <summary>The role with its article, for messages: "an auditor", "a donor-desk".</summary>
    public static string WithArticle(this Role role) => (role == Role.Auditor ? "an " : "a ") + role.Code();

    /// <summary>Donor desks and recipient officers act for one nation; the other roles for none.</summary>
    public static bool ActsForANation(this Role role) => role is Role.DonorDesk or Role.RecipientOfficer;
}
