using System.Globalization;
using Mainstay.Money;

namespace Mainstay.Data.Demo;

/// <summary>
/// The demo's purchase funds and what they can buy: the first packages allies paid into NATO's
/// Prioritized Ukraine Requirements List (PURL) in August 2025, money for the Czech-led ammunition
/// initiative, and options to buy from US stocks, through the Czech initiative and from European
/// industry. Fixed rows, no random draws, so the rest of the demo is what it was before funds.
/// </summary>
internal static class DemoFunds
{
    public static readonly string[] FundHeader =
        ["id", "donor", "amount_eur", "available", "items", "recipients", "pledge", "released"];

    public static readonly string[] ProcurementHeader =
    [
        "id", "supplier", "item", "unit_price_eur", "first_order", "last_order", "lead_months", "monthly_capacity",
    ];

    /// <summary>What PURL packages buy from US stocks: air defence interceptors, rockets, guided bombs.</summary>
    private const string PurlItems = "aircraft-munition-jdam;guided-mlrs-rocket;nasams-amraam;patriot-pac3-mse";

    private sealed record FundRow(
        string Id, string Donor, decimal Amount, string Currency, DateOnly Announced, string Items, string Recipients,
        string Pledge, bool Released);

    /// <summary>
    /// The funds: amounts as announced, in euros or US dollars. The joint Danish, Norwegian and Swedish
    /// package of USD 486m (5 August 2025) was announced as one sum: the thirds here are illustrative, as
    /// are the funds for the ammunition initiative and a second Danish tranche not yet released.
    /// </summary>
    private static readonly FundRow[] Rows =
    [
        new("NL-PURL-2025-1", "NL", 500_000_000m, "EUR", new(2025, 8, 4), PurlItems, "UA", "WS24-NL", true),
        new("DK-PURL-2025-1", "DK", 162_000_000m, "USD", new(2025, 8, 5), PurlItems, "UA", "WS24-DK", true),
        new("NO-PURL-2025-1", "NO", 162_000_000m, "USD", new(2025, 8, 5), PurlItems, "UA", "", true),
        new("SE-PURL-2025-1", "SE", 162_000_000m, "USD", new(2025, 8, 5), PurlItems, "UA", "WS24-SE", true),
        new("DE-PURL-2025-1", "DE", 500_000_000m, "USD", new(2025, 8, 13), PurlItems, "UA", "WS24-DE", true),
        new("CA-PURL-2025-1", "CA", 500_000_000m, "USD", new(2025, 8, 24), PurlItems, "UA", "", true),
        new("DK-PURL-2025-2", "DK", 90_000_000m, "USD", new(2025, 10, 15), "*", "UA", "WS24-DK", false),
        new("NL-CZAMMO-2025", "NL", 250_000_000m, "EUR", new(2025, 2, 1), "152mm-shell;155mm-shell", "UA", "", true),
        new("CA-CZAMMO-2025", "CA", 26_000_000m, "EUR", new(2025, 3, 1), "155mm-shell", "UA", "WS24-CA", false),
        new("DE-CZAMMO-2025", "DE", 120_000_000m, "EUR", new(2025, 4, 1), "155mm-shell", "*", "", false),
        new("PL-CZAMMO-2025", "PL", 40_000_000m, "EUR", new(2025, 5, 1), "155mm-shell", "UA", "WS24-PL", false),
    ];

    /// <summary>
    /// Funds as <c>funds.csv</c> rows. Amounts in US dollars are converted to whole euros at the ECB
    /// reference rate of their announcement, or the last before it the ledger's rates hold.
    /// </summary>
    public static List<string[]> Funds(EuroConverter converter) =>
    [
        .. Rows.Select(f => new[]
        {
            f.Id, f.Donor, Euros(f, converter).ToString(CultureInfo.InvariantCulture),
            $"{f.Announced.Year:D4}-{f.Announced.Month:D2}", f.Items, f.Recipients, f.Pledge, f.Released ? "yes" : "no",
        }),
    ];

    private static long Euros(FundRow fund, EuroConverter converter)
    {
        var currency = Currency.Find(fund.Currency)!;
        var amount = new Money.Money((long)(fund.Amount * currency.MinorPerUnit), currency);
        var eur = converter.ToEur(amount, fund.Announced);
        return eur.IsOk
            ? (long)Math.Round(eur.Value.Eur.Units, MidpointRounding.AwayFromZero)
            : throw new InvalidOperationException($"demo fund {fund.Id}: {eur.Problem}");
    }

    /// <summary>
    /// What can be bought: US stocks through PURL (months from order to Ukraine), stocks found abroad by the
    /// Czech ammunition initiative, and new production of European industry with lead times of 6 to 24
    /// months. Prices are rounded public order prices in euros; monthly capacities are the share of
    /// output or stock a month of orders for Ukraine can take.
    /// </summary>
    public static readonly List<string[]> Procurement =
    [
        ["US-PURL-PAC3", "US", "patriot-pac3-mse", "3700000", "2025-08", "2026-12", "3", "10"],
        ["US-PURL-GMLRS", "US", "guided-mlrs-rocket", "150000", "2025-08", "2026-12", "2", "200"],
        ["US-PURL-AMRAAM", "US", "nasams-amraam", "1100000", "2025-08", "2026-12", "4", "12"],
        ["US-PURL-JDAM", "US", "aircraft-munition-jdam", "25000", "2025-08", "2026-12", "2", "300"],
        ["CZ-INIT-155", "CZ-industry", "155mm-shell", "3200", "2024-03", "2026-12", "2", "80000"],
        ["CZ-INIT-152", "CZ-industry", "152mm-shell", "2500", "2024-03", "2026-06", "2", "30000"],
        ["DE-RHM-155", "DE-industry", "155mm-shell", "4800", "2025-01", "2027-12", "12", "40000"],
        ["DE-DIEHL-IRIST", "DE-industry", "iris-t-slm-missile", "430000", "2025-01", "2027-12", "18", "8"],
        ["FR-KNDS-CAESAR", "FR-industry", "caesar-howitzer", "4500000", "2025-01", "2027-12", "15", "6"],
        ["SE-BAE-CV90", "SE-industry", "ifv-cv90", "6000000", "2025-06", "2027-12", "24", "4"],
        ["DE-QS-RECON", "DE-industry", "recon-uav", "180000", "2025-01", "2027-12", "6", "40"],
        ["GB-IND-INTERCEPT", "GB-industry", "interceptor-drone", "3000", "2025-06", "2027-12", "6", "2000"],
        ["PL-IND-GEN", "PL-industry", "generator-100kva", "38000", "2025-01", "2027-12", "6", "120"],
    ];
}
