using Mainstay.Data.Ledger.Kinds;
using Mainstay.Ledger;

namespace Mainstay.Data.Ledger;

/// <summary>
/// Every table of the ledger, in the order an import applies them (nations before what refers to them).
/// </summary>
public static class LedgerKinds
{
    public static readonly NationsKind Nations = new();
    public static readonly GdpKind Gdp = new();
    public static readonly ItemsKind Items = new();
    public static readonly RequirementsKind Requirements = new();
    public static readonly OffersKind Offers = new();
    public static readonly PledgesKind Pledges = new();
    public static readonly CoalitionsKind Coalitions = new();
    public static readonly ExchangeRatesKind ExchangeRates = new();
    public static readonly AnnualRatesKind AnnualRates = new();
    public static readonly BaselinesKind Baselines = new();
    public static readonly ContributionsKind Contributions = new();
    public static readonly DeliveriesKind Deliveries = new();
    public static readonly FundsKind Funds = new();
    public static readonly ProcurementKind Procurement = new();

    public static readonly IReadOnlyList<LedgerKind> All =
        [
            Nations, Gdp, Items, Procurement, Requirements, Offers, Pledges, Funds, Coalitions, ExchangeRates,
            AnnualRates, Baselines, Contributions, Deliveries];

    private static readonly Dictionary<LedgerTable, LedgerKind> ById = All.ToDictionary(k => k.Id);

    public static LedgerKind Find(LedgerTable table) => ById[table];

    /// <summary>
    /// The kind a name in text means (a file name, a command-line argument, a URL, an entity of the audit
    /// trail), or null.
    /// </summary>
    public static LedgerKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);
}
