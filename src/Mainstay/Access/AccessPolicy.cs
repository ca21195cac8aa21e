using Mainstay.Ledger;

namespace Mainstay.Access;

/// <summary>
/// Who may see and change which rows of the ledger, enforced on the server for every page and API
/// call alike. Reference tables (nations, GDP, items, coalitions, rates, baselines) are public.
/// A donor desk sees and changes its own nation's offers, pledges and contributions, sees the offers
/// other nations have released (to coordinate, not to change), and reads every requirement (the needs
/// it offers against); a recipient officer sees and changes its nation's requirements, sees the
/// released offers that may go to its nation, the pledges and contributions made to it and the
/// deliveries it received. Funds are like offers: a donor desk sees and changes its own, and sees those
/// other nations released; a recipient officer sees the released funds whose purchases may go to its
/// nation. Procurement options (what can be bought, at what price) are read by every signed-in user and
/// changed by coordinators only. Coordinators see and change everything; auditors see everything and
/// change nothing; the public sees the reference tables only (and released aggregates in reports:
/// released funds' totals among them).
/// A row someone may not see does not exist for them: the API answers 404, never 403, so its
/// existence (an unreleased offer's above all) is not given away.
/// </summary>
public static class AccessPolicy
{
    private static readonly HashSet<LedgerTable> Reference =
    [
        LedgerTable.Nations, LedgerTable.Gdp, LedgerTable.Items, LedgerTable.Coalitions, LedgerTable.ExchangeRates,
        LedgerTable.AnnualRates, LedgerTable.Baselines,
    ];

    /// <summary>
    /// The sides whose nation a row belongs to, for the tables rows of which belong to one; the side
    /// listed first owns the row's id.
    /// </summary>
    private static readonly Dictionary<LedgerTable, NationSide[]> Owners = new()
    {
        [LedgerTable.Offers] = [NationSide.Donor],
        [LedgerTable.Funds] = [NationSide.Donor],
        [LedgerTable.Pledges] = [NationSide.Donor, NationSide.Recipient],
        [LedgerTable.Contributions] = [NationSide.Donor, NationSide.Recipient],
        [LedgerTable.Requirements] = [NationSide.Recipient],
        [LedgerTable.Deliveries] = [NationSide.Recipient],
    };

    /// <summary>
    /// The side whose nation a row of <paramref name="table"/> belongs to (the donor's, or for needs and
    /// what was received the recipient's), which its id's nation prefix must match; null for tables
    /// whose rows belong to no nation.
    /// </summary>
    public static NationSide? OwnerSide(LedgerTable table) =>
        Owners.TryGetValue(table, out var sides) ? sides[0] : null;

    /// <summary>
    /// Whether <paramref name="user"/> sees every row of every table (coordinators and auditors), and
    /// so what joins every nation's rows: stored plans, the audit trail, the contributions behind a report.
    /// </summary>
    public static bool SeesEverything(User? user) => user?.Role is Role.Coordinator or Role.Auditor;

    /// <summary>
    /// Whether <paramref name="user"/> (null: the public) may see any row of <paramref name="table"/>.
    /// </summary>
    public static bool CanSeeTable(User? user, LedgerTable table) =>
        Reference.Contains(table) || SeesEverything(user) || user?.Role switch
        {
            Role.DonorDesk => table is LedgerTable.Offers or LedgerTable.Pledges or LedgerTable.Contributions
                or LedgerTable.Requirements or LedgerTable.Funds or LedgerTable.Procurement,
            Role.RecipientOfficer => table is LedgerTable.Requirements or LedgerTable.Offers or LedgerTable.Pledges
                or LedgerTable.Contributions or LedgerTable.Deliveries or LedgerTable.Funds or LedgerTable.Procurement,
            _ => false,
        };

    /// <summary>
    /// Whether <paramref name="user"/> (null: the public) may see this row of <paramref name="table"/>.
    /// </summary>
    public static bool CanSee(User? user, LedgerTable table, RowParties row)
    {
        if (Reference.Contains(table) || SeesEverything(user))
            return true;
        if (user is null || user.Role == Role.Public)
            return false;
        if (table == LedgerTable.Procurement)
            return user.Role is Role.DonorDesk or Role.RecipientOfficer;
        if (!Owners.TryGetValue(table, out var sides))
            return false;
        if (table is LedgerTable.Offers or LedgerTable.Funds && row.ReleasedTo is { } reach && MayReach(user, reach))
            return true;
        return user.Role switch
        {
            Role.DonorDesk => table == LedgerTable.Requirements
                || (sides.Contains(NationSide.Donor) && IsOwn(user, row.Donor)),
            Role.RecipientOfficer => sides.Contains(NationSide.Recipient) && IsOwn(user, row.Recipient),
            _ => false,
        };
    }

    /// <summary>
    /// A released offer or fund is for every donor desk to see, and for the officers of the recipients it
    /// (or what it buys) may go to.
    /// </summary>
    private static bool MayReach(User user, CodeScope reach) => user.Role switch
    {
        Role.DonorDesk => true,
        Role.RecipientOfficer => reach.IsAny || (user.Nation is { } nation && reach.Allows(nation)),
        _ => false,
    };

    /// <summary>
    /// Whether <paramref name="user"/> may write some rows of <paramref name="table"/> (each row is still checked by
    /// <see cref="CanWrite"/>).
    /// </summary>
    public static bool CanWriteTable(User? user, LedgerTable table) => user is { Disabled: false } && user.Role switch
    {
        Role.Coordinator => true,
        Role.DonorDesk => table is LedgerTable.Offers or LedgerTable.Pledges or LedgerTable.Contributions
            or LedgerTable.Funds,
        Role.RecipientOfficer => table == LedgerTable.Requirements,
        _ => false,
    };

    /// <summary>
    /// Whether <paramref name="user"/> may write this row (as it is before and as it will be after the change).
    /// </summary>
    public static bool CanWrite(User? user, LedgerTable table, RowParties row)
    {
        if (!CanWriteTable(user, table))
            return false;
        if (user!.Role == Role.Coordinator)
            return true;
        return user.Role switch
        {
            Role.DonorDesk => IsOwn(user, row.Donor),
            Role.RecipientOfficer => IsOwn(user, row.Recipient),
            _ => false,
        };
    }

    private static bool IsOwn(User user, string? nation) => nation is not null && nation == user.Nation;
}
