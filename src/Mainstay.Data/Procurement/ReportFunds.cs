using Mainstay.Access;
using Mainstay.Ledger;
using Mainstay.Planning;
using Mainstay.Time;

namespace Mainstay.Data.Procurement;

/// <summary>
/// What the current plan does with the purchase funds: per fund its donor, amount, first month and earmark,
/// what it spends and has left, what it buys, and what it could buy next. Each user sees a fund as far as
/// they may: coordinators and auditors every fund whole; a donor desk its own funds whole; everyone (the
/// public included) the released funds' totals (amount, spent, left), with their earmark for those who may
/// read the fund's row; a recipient officer also the purchases for its own requirements, the paying fund
/// named only when released. Funds a user may not see are not counted anywhere in the answer. The Funds
/// page and <c>GET /api/v1/reports/funds</c> call this.
/// </summary>
public static class ReportFunds
{
    /// <summary>The most rows of "what it could buy next" per fund.</summary>
    public const int MaxNext = 20;

    /// <param name="Next">How many rows of "what it could buy next" per fund (0..<see cref="MaxNext"/>).</param>
    public sealed record Request(int Next = 5);

    /// <summary>One fund as the user may see it.</summary>
    /// <param name="Whole">Whether the user sees all of it: its purchases and what it could buy next.</param>
    /// <param name="EarmarkShown">Whether the user may read its earmark (item types and recipients).</param>
    public sealed record FundLine(
        Fund Fund, bool Whole, bool EarmarkShown, long SpentEur, IReadOnlyList<Purchase> Purchases,
        IReadOnlyList<NextPurchase> Next)
    {
        public long LeftEur => Fund.AmountEur - SpentEur;
    }

    /// <summary>
    /// Units a fund could still buy for a requirement the plan leaves short: of <see cref="Option"/>, ordered
    /// in <see cref="OrderMonth"/> (the first month it may order in with capacity left, else the first it may
    /// order in at all), worth <see cref="BenefitPerUnit"/> each.
    /// </summary>
    /// <param name="ShortUnits">Units of the requirement the plan does not cover.</param>
    /// <param name="CapacityLeft">Units of the option not yet ordered in the months the fund could order in
    /// time.</param>
    /// <param name="Units">What the fund could buy: no more than is short, its money left pays for, and capacity
    /// allows (0 where the plan's purchases took the capacity).</param>
    public sealed record NextPurchase(
        Requirement Requirement, long ShortUnits, ProcurementOption Option, YearMonth OrderMonth, long BenefitPerUnit,
        long CapacityLeft, long Units)
    {
        public YearMonth Arrival => OrderMonth.AddMonths(Option.LeadMonths);

        public int LateMonths => Math.Max(0, Arrival.Index - Requirement.NeedBy.Index);

        public long CostEur => checked(Option.UnitPriceEur * Units);
    }

    /// <summary>The plan the report is of, the funds as the user sees them (by id), and for a recipient officer
    /// the purchases for its requirements.</summary>
    public sealed record Outcome(
        Refusal Refusal, string Message, CurrentPlan? Plan, IReadOnlyList<FundLine> Funds,
        IReadOnlyList<SeenPurchase> ForOwnRequirements);

    public static Outcome Handle(CurrentPlan current, Request request, User? user)
    {
        if (request.Next is < 0 or > MaxNext)
            return new Outcome(Refusal.BadQuery, $"next: expected an integer 0..{MaxNext}, got {request.Next}",
                null, [], []);
        var plan = current.Plan;
        var spent = plan.Funds.ToDictionary(f => f.Fund.Id, f => f.SpentEur, StringComparer.Ordinal);
        var bought = plan.Purchases.ToLookup(p => p.Fund.Id, StringComparer.Ordinal);
        var lines = new List<FundLine>();
        foreach (var fund in current.Funds.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            var whole = AccessPolicy.SeesEverything(user) || ReadPurchases.PaysOwn(user, fund);
            var rowSeen = AccessPolicy.CanSee(user, LedgerTable.Funds,
                new RowParties(Donor: fund.Donor, ReleasedTo: fund.Released ? fund.Recipients : null));
            if (!whole && !rowSeen && !fund.Released)
                continue;
            var used = spent.GetValueOrDefault(fund.Id);
            lines.Add(whole
                ? new FundLine(fund, true, true, used, [.. bought[fund.Id]],
                    NextFor(fund, fund.AmountEur - used, plan, current.Options, request.Next))
                : new FundLine(fund, false, rowSeen, used, [], []));
        }
        var forOwn = user?.Role == Role.RecipientOfficer ? ReadPurchases.Visible(plan, user).ToArray() : [];
        return new Outcome(Refusal.None, "", current, lines, forOwn);
    }

    /// <summary>
    /// What <paramref name="fund"/>, with <paramref name="leftEur"/> left, could buy next: for each requirement
    /// the plan leaves short that the fund may buy for (its earmark allows the item type and the recipient),
    /// each option of that item type that could still arrive within the requirement's useful window when the
    /// fund orders it, as long as the money left buys a unit of it; ranked by benefit per euro (the
    /// requirement's benefit per unit, as late as the order would arrive, over the unit price), highest first,
    /// then by requirement id and option id; the first <paramref name="count"/>.
    /// </summary>
    public static IReadOnlyList<NextPurchase> NextFor(
        Fund fund, long leftEur, Plan plan, IReadOnlyList<ProcurementOption> options, int count)
    {
        if (leftEur <= 0 || count <= 0)
            return [];
        var ordered = plan.Purchases.GroupBy(p => (p.Option.Id, p.OrderMonth.Index))
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity));
        var byItem = options.ToLookup(p => p.Item, StringComparer.Ordinal);
        var candidates = new List<NextPurchase>();
        foreach (var coverage in plan.Coverage)
        {
            var requirement = coverage.Requirement;
            var shortUnits = requirement.Quantity - coverage.Allocated;
            if (shortUnits <= 0 || !fund.Items.Allows(requirement.Item)
                || !fund.Recipients.Allows(requirement.Recipient))
                continue;
            foreach (var option in byItem[requirement.Item])
            {
                var affordable = leftEur / option.UnitPriceEur;
                var first = Math.Max(option.FirstOrder.Index, fund.Available.Index);
                var last = Math.Min(option.LastOrder.Index,
                    requirement.NeedBy.Index + requirement.UsefulMonths - option.LeadMonths);
                if (affordable == 0 || first > last)
                    continue;
                long capacityLeft = 0;
                int? firstFree = null;
                for (var month = first; month <= last; month++)
                {
                    var free = Math.Max(0, option.MonthlyCapacity - ordered.GetValueOrDefault((option.Id, month)));
                    capacityLeft += free;
                    if (free > 0)
                        firstFree ??= month;
                }
                var orderMonth = YearMonth.FromIndex(firstFree ?? first);
                var late = Math.Max(0, orderMonth.Index + option.LeadMonths - requirement.NeedBy.Index);
                var benefit = Benefit.PerUnit(requirement.Priority, requirement.UsefulMonths, late);
                var units = Math.Min(shortUnits, Math.Min(affordable, capacityLeft));
                candidates.Add(new NextPurchase(
                    requirement, shortUnits, option, orderMonth, benefit, capacityLeft, units));
            }
        }
        candidates.Sort(ByBenefitPerEuro);
        return [.. candidates.Take(count)];
    }

    /// <summary>Higher benefit per euro first (compared exactly, by cross products), then requirement, option.</summary>
    private static int ByBenefitPerEuro(NextPurchase a, NextPurchase b)
    {
        var order = ((Int128)b.BenefitPerUnit * a.Option.UnitPriceEur)
            .CompareTo((Int128)a.BenefitPerUnit * b.Option.UnitPriceEur);
        if (order == 0)
            order = string.CompareOrdinal(a.Requirement.Id, b.Requirement.Id);
        return order != 0 ? order : string.CompareOrdinal(a.Option.Id, b.Option.Id);
    }
}
