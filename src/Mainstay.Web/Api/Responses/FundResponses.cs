namespace Mainstay.Web.Api.Responses;

/// <summary>
/// The current plan a report or list is of: the audit-trail entry it includes, when it was made, and whether
/// its search proved it optimal (false: a time limit stopped it first).
/// </summary>
public sealed record CurrentPlanAsOf(long AuditSeq, DateTimeOffset PlanMadeAt, bool Optimal);

/// <summary>
/// A purchase of the current plan: units of a procurement option ordered in a month (<c>YYYY-MM</c>), paid by a
/// fund, for a requirement; its cost in whole euros, its arrival month and the months it arrives late.
/// </summary>
/// <param name="FundId">Null where the caller may not know which fund pays (a recipient officer, for a fund not
/// released).</param>
public sealed record PurchaseLine(
    string? FundId, string OptionId, string OrderMonth, string RequirementId, long Quantity, long CostEur,
    string Arrival, int LateMonths);

/// <summary>A page of the current plan's purchases the caller may see, by requirement, fund, option, month.</summary>
public sealed record PurchasePage(
    CurrentPlanAsOf AsOf, int Page, int PageSize, int Total, IReadOnlyList<PurchaseLine> Items);

/// <summary>
/// Units a fund could buy next for a requirement the plan leaves short, ranked by benefit per euro
/// (<see cref="BenefitPerUnit"/> over <see cref="UnitPriceEur"/>).
/// </summary>
/// <param name="Units">What its money left, the units short and the option's capacity left in time allow (0:
/// the plan's purchases took the capacity).</param>
public sealed record NextPurchaseLine(
    string RequirementId, string Recipient, string Item, int Priority, long ShortUnits, string OptionId,
    string OrderMonth, string Arrival, int LateMonths, long BenefitPerUnit, long UnitPriceEur, long CapacityLeft,
    long Units, long CostEur);

/// <summary>
/// A fund as the caller may see it: its totals in whole euros always; its earmark (<c>*</c> or a <c>;</c>-list)
/// where the caller may read the fund; what it buys and could buy next where the caller sees it whole.
/// </summary>
public sealed record FundReportLine(
    string Id, string Donor, long AmountEur, string Available, string? Items, string? Recipients, long SpentEur,
    long LeftEur, IReadOnlyList<PurchaseLine>? Purchases, IReadOnlyList<NextPurchaseLine>? Next);

/// <summary>
/// The funds report: every fund the caller may see, by id; for a recipient officer also the purchases for its own
/// requirements (else empty).
/// </summary>
public sealed record FundsReport(
    CurrentPlanAsOf AsOf, IReadOnlyList<FundReportLine> Funds, IReadOnlyList<PurchaseLine> ForOwnRequirements);
