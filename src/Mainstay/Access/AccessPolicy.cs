namespace Mainstay.Access;

/// <summary>
/// Who may see and change which rows of the ledger, enforced on the server for every page and API
/// call alike. Reference tables (nations, GDP, items, coalitions, rates, baselines) are public.
/// A donor desk sees and changes its own nation's offers, pledges and contributions, sees the offers
/// other nations have released (to coordinate, not to change), and reads every requirement (the needs
/// it offers against); a recipient officer sees and changes its nation's requirements, sees the
/// released offers that may go to its nation, the pledges and contributions made to it and the
/// deliveries it received. Coordinators see and change everything; auditors see everything and
/// change nothing; the public sees the reference tables only (and released aggregates in reports).
/// A row someone may not see does not exist for them: the API answers 404, never 403, so its
/// existence (an unreleased offer's above all) is not given away.
/// </summary>
public static class AccessPolicy
{
    private static readonly HashSet<string> Reference = new(StringComparer.Ordinal)
        { "nations", "gdp", "items", "coalitions", "exchange-rates", "annual-rates", "baselines" };

    /// <summary>The column naming the nation a row belongs to, for the tables rows of which belong to one.</summary>
    private static readonly Dictionary<string, (string DonorSide, string RecipientSide)> Owners = new(
        StringComparer.Ordinal)
    {
        ["offers"] = ("donor", ""),
        ["pledges"] = ("donor", "recipient"),
        ["contributions"] = ("donor", "recipient"),
        ["requirements"] = ("", "recipient"),
        ["deliveries"] = ("", "recipient"),
    };

    /// <summary>
    /// The column naming the nation a row of <paramref name="table"/> belongs to (the donor's, or for
    /// needs and what was received the recipient's), which its id's nation prefix must match; null
    /// for tables whose rows belong to no nation.
    /// </summary>
    public static string? OwnerColumn(string table) => Owners.TryGetValue(table, out var owner)
        ? owner.DonorSide.Length > 0 ? owner.DonorSide : owner.RecipientSide
        : null;

    /// <summary>
    /// Whether <paramref name="user"/> sees every row of every table (coordinators and auditors), and
    /// so what joins every nation's rows: stored plans, the audit trail, the contributions behind a report.
    /// </summary>
    public static bool SeesEverything(User? user) => user?.Role is Role.Coordinator or Role.Auditor;

    /// <summary>
    /// Whether <paramref name="user"/> (null: the public) may see any row of <paramref name="table"/>.
    /// </summary>
    public static bool CanSeeTable(User? user, string table) =>
        Reference.Contains(table) || SeesEverything(user) || user?.Role switch
        {
            Role.DonorDesk => table is "offers" or "pledges" or "contributions" or "requirements",
            Role.RecipientOfficer =>
                table is "requirements" or "offers" or "pledges" or "contributions" or "deliveries",
            _ => false,
        };

    /// <summary>
    /// Whether <paramref name="user"/> (null: the public) may see this row of <paramref name="table"/>.
    /// </summary>
    public static bool CanSee(User? user, string table, Func<string, string> cell)
    {
        if (Reference.Contains(table) || SeesEverything(user))
            return true;
        if (user is null || user.Role == Role.Public || !Owners.TryGetValue(table, out var owner))
            return false;
        if (table == "offers" && cell("released") == "yes" && OfferMayReach(user, cell))
            return true;
        return user.Role switch
        {
            Role.DonorDesk => table == "requirements"
                || (owner.DonorSide.Length > 0 && cell(owner.DonorSide) == user.Nation),
            Role.RecipientOfficer => owner.RecipientSide.Length > 0 && cell(owner.RecipientSide) == user.Nation,
            _ => false,
        };
    }

    /// <summary>
    /// A released offer is for every donor desk to see, and for the officers of the recipients it may go to.
    /// </summary>
    private static bool OfferMayReach(User user, Func<string, string> cell) => user.Role switch
    {
        Role.DonorDesk => true,
        Role.RecipientOfficer => cell("recipients") == "*" || cell("recipients").Split(';').Contains(user.Nation),
        _ => false,
    };

    /// <summary>
    /// Whether <paramref name="user"/> may write some rows of <paramref name="table"/> (each row is still checked by
    /// <see cref="CanWrite"/>).
    /// </summary>
    public static bool CanWriteTable(User? user, string table) => user is { Disabled: false } && user.Role switch
    {
        Role.Coordinator => true,
        Role.DonorDesk => table is "offers" or "pledges" or "contributions",
        Role.RecipientOfficer => table == "requirements",
        _ => false,
    };

    /// <summary>
    /// Whether <paramref name="user"/> may write this row (as it is before and as it will be after the change).
    /// </summary>
    public static bool CanWrite(User? user, string table, Func<string, string> cell)
    {
        if (!CanWriteTable(user, table))
            return false;
        if (user!.Role == Role.Coordinator)
            return true;
        var owner = Owners[table];
        return user.Role switch
        {
            Role.DonorDesk => cell(owner.DonorSide) == user.Nation,
            Role.RecipientOfficer => cell(owner.RecipientSide) == user.Nation,
            _ => false,
        };
    }
}
