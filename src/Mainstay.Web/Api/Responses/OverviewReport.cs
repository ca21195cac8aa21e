namespace Mainstay.Web.Api.Responses;

/// <summary>The overview's released aggregates, and the state of the ledger they are of.</summary>
public sealed record OverviewReport(
    OverviewAsOf AsOf, IReadOnlyList<PledgedAtStage> PledgesEur, IReadOnlyList<AreaCoverageLine> Coverage,
    IReadOnlyList<ForecastPoint> Forecast, IReadOnlyList<ReleasedFundTotal> Funds);

/// <summary>The audit-trail entry the figures include, and when the current plan behind them was made.</summary>
public sealed record OverviewAsOf(long AuditSeq, DateTimeOffset PlanMadeAt);

/// <summary>Pledged euros at one stage of the pledge lifecycle (announced, committed, disbursed).</summary>
public sealed record PledgedAtStage(string Stage, decimal Eur);

/// <summary>Units needed, planned and planned on time for one capability area and priority.</summary>
public sealed record AreaCoverageLine(string Capability, int Priority, long Needed, long Planned, long OnTime);

/// <summary>
/// One month of a capability area's forecast, cumulative up to the month (<c>YYYY-MM</c>).
/// <see cref="Item"/> is always null here: a single item type's series could name one requirement.
/// </summary>
public sealed record ForecastPoint(
    string Capability, string? Item, string Month, long Needed, long Planned, long OnTime, long Gap);

/// <summary>
/// A released purchase fund's total: its id, its donor, its whole euros, its first month (<c>YYYY-MM</c>).
/// </summary>
public sealed record ReleasedFundTotal(string Id, string Donor, long AmountEur, string Available);
