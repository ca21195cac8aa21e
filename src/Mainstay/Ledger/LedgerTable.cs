namespace Mainstay.Ledger;

/// <summary>
/// The tables of the ledger. Rules that depend on which table a row is in (who may see it, what a
/// reference names) compare these; a table's name is only how files, URLs and the audit trail spell it.
/// </summary>
public enum LedgerTable
{
    Nations,
    Gdp,
    Items,
    Requirements,
    Offers,
    Pledges,
    Coalitions,
    ExchangeRates,
    AnnualRates,
    Baselines,
    Contributions,
    Deliveries,
    Funds,
    Procurement,
}
