using System.Globalization;
using Mainstay.Time;

namespace Mainstay.Data.Demo;

/// <summary>
/// The demo's burden-sharing tables: the 2024 and 2025 baselines of the Washington pledge,
/// deliveries of early offers (in-kind contributions at their items' reference values), and
/// contributions recorded directly: payments into a NATO trust fund and a purchase the fund made
/// with one of them (counted once), an in-kind donation reimbursed through the European Peace
/// Facility (counted for the EU), allies paying in currencies the ECB does not publish (valued at the
/// IMF annual average) and partners' support.
/// </summary>
internal static class DemoContributions
{
    private const string Baseline = "NATO Washington Summit Declaration, 10 July 2024: a minimum "
        + "baseline of EUR 40 billion within the next year";

    public static IEnumerable<(string Name, string[] Header, List<string[]> Rows)> Tables(
        IReadOnlyList<string[]> offers)
    {
        yield return ("baselines.csv", ["year", "amount_eur", "source"],
            [["2024", "40000000000", Baseline], ["2025", "40000000000", Baseline]]);
        yield return (
            "deliveries.csv", ["id", "offer", "recipient", "quantity", "delivered_on", "source"], Deliveries(offers));
        yield return (
            "contributions.csv",
            [
                "id", "donor", "recipient", "value_date", "aid_type", "category", "channel", "amount", "currency",
                "valuation", "source", "funded_by", "reimbursed_by"],
        [
            [
                "CAP25-DE", "DE", "UA", "2025-02-14", "military", "trust-fund", "nato", "300000000", "EUR", "cash",
                "NATO Comprehensive Assistance Package trust fund, contribution receipt", "", ""],
            [
                "CAP25-NL", "NL", "UA", "2025-03-03", "military", "trust-fund", "nato", "120000000", "EUR", "cash",
                "NATO Comprehensive Assistance Package trust fund, contribution receipt", "", ""],
            [
                "CAP25-NO", "NO", "UA", "2025-03-20", "military", "trust-fund", "nato", "900000000", "NOK", "cash",
                "NATO Comprehensive Assistance Package trust fund, contribution receipt", "", ""],
            [
                "CAP25-CA", "CA", "UA", "2025-04-11", "military", "trust-fund", "nato", "150000000", "CAD", "cash",
                "NATO Comprehensive Assistance Package trust fund, contribution receipt", "", ""],
            [
                "CAP25-BUY-FUEL", "DE", "UA", "2025-06-02", "military", "maintenance-logistics", "nato", "180000000",
                "EUR", "cash",
                "NATO Support and Procurement Agency: fuel and medical supplies bought from the CAP trust fund",
                "CAP25-DE", ""],
            [
                "PL25-AMMO", "PL", "UA", "2025-05-16", "military", "equipment", "bilateral", "850000000", "PLN",
                "declared", "Polish Ministry of Defence: 155 mm ammunition from stocks", "", "EPF25-PL"],
            [
                "EPF25-PL", "EU", "UA", "2025-09-30", "military", "equipment", "multilateral", "200000000", "EUR",
                "cash", "European Peace Facility: reimbursement of Poland's ammunition donation", "", ""],
            [
                "AL25-TRAIN", "AL", "UA", "2025-03-15", "military", "training-operations", "bilateral", "2500000000",
                "ALL", "cash", "Albanian Ministry of Defence: demining training for Ukrainian sappers", "", ""],
            [
                "MK25-WINTER", "MK", "UA", "2025-10-01", "military", "equipment", "bilateral", "600000000", "MKD",
                "declared", "North Macedonia: winter equipment (non-lethal)", "", ""],
            [
                "GB25-TRAIN", "GB", "UA", "2025-07-01", "military", "training-operations", "bilateral", "250000000",
                "GBP", "cash", "Operation Interflex training costs", "", ""],
            [
                "US25-INDUSTRY", "US", "UA", "2025-08-12", "military", "infrastructure-industry", "bilateral",
                "500000000", "USD", "cash", "Investment in Ukraine's defence industry (co-production)", "", ""],
            [
                "JP25-NONLETHAL", "JP", "UA", "2025-05-23", "military", "equipment", "nato", "45000000000", "JPY",
                "cash", "NATO CAP trust fund: non-lethal equipment", "", ""],
            [
                "AU25-VEHICLES", "AU", "UA", "2025-04-04", "military", "equipment", "bilateral", "245000000", "AUD",
                "declared", "Australian Defence: armoured vehicles", "", ""],
            [
                "KR25-MEDICAL", "KR", "UA", "2025-06-30", "humanitarian", "unspecified", "bilateral", "80000000000",
                "KRW", "cash", "Korea: medical and humanitarian supplies", "", ""],
        ]);
    }

    /// <summary>
    /// The first 60 offers that arrive in 2025 at a recipient are delivered in full in their arrival month.
    /// </summary>
    private static List<string[]> Deliveries(IReadOnlyList<string[]> offers)
    {
        var rows = new List<string[]>();
        foreach (var offer in offers)
        {
            var arrival = YearMonth.TryParse(offer[4], out var available)
                ? available.AddMonths(int.Parse(offer[5], CultureInfo.InvariantCulture))
                : default;
            if (arrival.Year != 2025 || rows.Count >= 60)
                continue;
            var recipient = offer[6] == "*" ? "UA" : offer[6].Split(';').FirstOrDefault(r => r is "UA" or "MD" or "GE");
            if (recipient is null)
                continue; // e.g. air defence deployable only within NATO territory
            var day = new DateOnly(
                arrival.Year, arrival.Month, 10 + (rows.Count % 15)).ToString("yyyy-MM-dd",
                CultureInfo.InvariantCulture);
            rows.Add(
                [
                    $"D25-{rows.Count + 1:D3}", offer[0], recipient, offer[3], day,
                    "Demo delivery note, signed by the receiving unit"]);
        }
        return rows;
    }
}
