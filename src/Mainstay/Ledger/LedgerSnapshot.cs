using Mainstay.Money;

namespace Mainstay.Ledger;

/// <summary>Everything the ledger holds at one moment, as domain records.</summary>
public sealed record LedgerSnapshot(
    IReadOnlyList<Nation> Nations,
    IReadOnlyList<GdpFigure> Gdp,
    IReadOnlyList<ItemType> Items,
    IReadOnlyList<Requirement> Requirements,
    IReadOnlyList<Offer> Offers,
    IReadOnlyList<Pledge> Pledges,
    IReadOnlyList<Coalition> Coalitions,
    IReadOnlyList<ExchangeRate> Rates)
{
    public IReadOnlyList<Fund> Funds { get; init; } = [];

    public IReadOnlyList<ProcurementOption> Options { get; init; } = [];
}
