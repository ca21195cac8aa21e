using System.Globalization;
using Mainstay.Data.Files;
using Mainstay.Data.Import;
using Mainstay.Money;
using Mainstay.Problems;
using Mainstay.Time;

namespace Mainstay.Data.Demo;

/// <summary>
/// A realistic, deterministic support ledger shaped like Ukraine's case after the 2024 Washington
/// summit: the allies' multi-year pledges sharing a EUR 40 bn yearly baseline by GDP, partners'
/// one-off pledges, the eight capability coalitions, and a few hundred requirements of Ukraine,
/// Moldova and Georgia with offers in kind to meet them, some restricted by their conditions, and the
/// purchase funds of August 2025's PURL packages and the Czech ammunition initiative with what they can buy.
/// </summary>
public static class DemoScenario
{
    public const long BaselineEur = 40_000_000_000;
    public static readonly DateOnly WashingtonSummit = new(2024, 7, 10);
    private const string PledgeSource = "NATO Washington Summit Declaration, 10 July 2024: Pledge "
        + "of Long-Term Security Assistance for Ukraine";
    private const int Seed = 20240710;

    /// <summary>
    /// The partners that pledge and offer in the demo; the reference list's other partners are donors in the public
    /// trackers.
    /// </summary>
    private static readonly string[] DemoPartners = ["AT", "AU", "CH", "IE", "JP", "KR", "NZ"];

    public static IReadOnlyList<ValidatedTable> Build(int requirements = 320, int offers = 300)
    {
        var nations = ReferenceData.Table("nations.csv");
        var gdp = ReferenceData.Table("gdp.csv");
        var rates = ReferenceData.Table("ecb-rates.csv");
        var random = new Random(Seed);

        var nationRows = nations.Rows.Select(
            r => new { Code = r.Cells[0], Role = r.Cells[2], Currency = r.Cells[3] }).ToArray();
        var allies = nationRows.Where(n => n.Role == "ally").ToArray();
        var partners = nationRows.Where(n => n.Role == "partner" && DemoPartners.Contains(n.Code)).ToArray();
        // The latest GDP of each nation in US$: 2024 estimates for allies, 2023 for the others.
        var latestGdp = gdp.Rows.GroupBy(r => r.Cells[0]).ToDictionary(
            g => g.Key,
            g => decimal.Parse(
                g.MaxBy(r => int.Parse(r.Cells[1], CultureInfo.InvariantCulture))!.Cells[2],
                CultureInfo.InvariantCulture));
        var converter = new EuroConverter(
            rates.Rows.Select(
                r => new ExchangeRate(
                    r.Cells[0], DateOnly.Parse(r.Cells[1], CultureInfo.InvariantCulture),
                    decimal.Parse(r.Cells[2], CultureInfo.InvariantCulture))));

        var tables = new List<(string Name, string[] Header, List<string[]> Rows)>
        {
            ("nations.csv", nations.Header, nations.Rows.Select(r => r.Cells).ToList()),
            ("gdp.csv", gdp.Header, gdp.Rows.Select(r => r.Cells).ToList()),
            ("exchange-rates.csv", rates.Header, rates.Rows.Select(r => r.Cells).ToList()),
            ("items.csv", ["item", "capability", "unit_value_eur", "name"],
                DemoCatalogue.Items.Select(i => new[] { i.Id, i.Capability, Number(i.UnitValueEur), i.Name }).ToList()),
            ("coalitions.csv", ["id", "name", "capability", "leads", "members"], DemoCatalogue.Coalitions.ToList()),
            (
                "pledges.csv",
                [
                    "id", "year", "donor", "recipient", "kind", "amount", "currency", "status", "announced_on",
                    "committed_on", "disbursed_on", "source"],
                Pledges(
                    allies.Select(a => (a.Code, a.Currency)).ToArray(),
                    partners.Select(p => (p.Code, p.Currency)).ToArray(), latestGdp, converter, random)),
            (
                "requirements.csv", ["id", "recipient", "item", "quantity", "priority", "need_by", "useful_months"],
                Requirements(requirements, random)),
            (
                "offers.csv",
                [
                    "id", "donor", "item", "quantity", "available", "transit_months", "recipients", "conditions",
                    "released"],
                Offers(
                    offers, allies.Select(a => a.Code).Concat(partners.Select(p => p.Code)).ToArray(), latestGdp,
                    random)),
        };
        var annualRates = ReferenceData.Table("imf-rates.csv");
        tables.Add(("annual-rates.csv", annualRates.Header, annualRates.Rows.Select(r => r.Cells).ToList()));
        tables.AddRange(DemoContributions.Tables(tables.Single(t => t.Name == "offers.csv").Rows));
        tables.Add(("funds.csv", DemoFunds.FundHeader, DemoFunds.Funds(converter)));
        tables.Add(("procurement.csv", DemoFunds.ProcurementHeader, DemoFunds.Procurement));

        var problems = new List<Problem>();
        var validated = tables.Select(t =>
        {
            var text = new TextTable(
                t.Name, t.Header, t.Rows.Select((cells, i) => new TextRow(i + 2, cells)).ToArray());
            var kind = LedgerFile.KindFromName(t.Name)!;
            return new ValidatedTable(t.Name, kind, TableValidation.Validate(kind, text, problems));
        }).ToArray();
        return problems.Count == 0
            ? validated
            : throw new InvalidOperationException($"demo data is invalid: {problems[0]}");
    }

    private static List<string[]> Pledges(
        (string Code, string Currency)[] allies, (string Code, string Currency)[] partners,
        IReadOnlyDictionary<string, decimal> gdpUsd, EuroConverter converter, Random random)
    {
        var rows = new List<string[]>();
        var allianceGdp = allies.Sum(a => gdpUsd[a.Code]);
        foreach (var (code, currency) in allies)
        {
            // The yearly fair share of the baseline, converted at the summit-date ECB rate and rounded
            // to a million: allies pledge round sums in their own currency. The ECB publishes no rate
            // for some currencies (ALL, MKD): those allies pledge in euros.
            var shareEur = BaselineEur * gdpUsd[code] / allianceGdp;
            var pledgeCurrency = Currency.Find(currency)!;
            var unitsPerEuro = UnitsPerEuro(converter, pledgeCurrency);
            if (unitsPerEuro is null)
                pledgeCurrency = Currency.Eur;
            var amount = Math.Max(
                1m,
                Math.Round(shareEur * (unitsPerEuro ?? 1m) / 1_000_000m, MidpointRounding.AwayFromZero)) * 1_000_000m;
            var id = $"WS24-{code}";
            rows.Add(
                [
                    id, "2025", code, "UA", "multi-year", Number(amount), pledgeCurrency.Code, "disbursed",
                    "2024-07-10", Day(2025, 1, random), Day(2025, 11, random), PledgeSource]);
            rows.Add(
                [
                    id, "2026", code, "UA", "multi-year", Number(amount), pledgeCurrency.Code, "committed",
                    "2024-07-10", Day(2025, 12, random), "", PledgeSource]);
            rows.Add(
                [
                    id, "2027", code, "UA", "multi-year", Number(amount), pledgeCurrency.Code, "announced",
                    "2024-07-10", "", "", PledgeSource]);
        }
        foreach (var (code, currency) in partners)
        {
            // Partners pledge about 0.04% of their GDP, converted from US$ through the euro.
            var pledgeCurrency = Currency.Find(currency)!;
            var usdPerEuro = UnitsPerEuro(converter, Currency.Find("USD")!);
            var amount = Math.Round(
                gdpUsd[code] * 0.0004m / usdPerEuro!.Value * UnitsPerEuro(
                    converter, pledgeCurrency)!.Value / 1_000_000m) * 1_000_000m;
            rows.Add(
                [
                    $"P25-{code}-UA", "2025", code, "UA", "one-off", Number(Math.Max(amount, 1_000_000m)),
                    pledgeCurrency.Code, "committed", Day(2025, 2, random), Day(2025, 4, random), "",
                    "Ukraine Defense Contact Group, 2025"]);
        }
        foreach (var (donor, recipient, millions) in new[] { ("RO", "MD", 60m), ("FR", "MD", 40m), ("DE", "MD", 30m), ("LT", "GE", 5m), ("EE", "GE", 3m), ("US", "GE", 35m), ("PL", "MD", 20m) })
        {
            var currency = allies.First(a => a.Code == donor).Currency;
            rows.Add(
                [
                    $"P25-{donor}-{recipient}", "2025", donor, recipient, "one-off", Number(millions * 1_000_000m),
                    currency, "announced", Day(2025, 3, random), "", "",
                    "European Peace Facility and bilateral announcements, 2025"]);
        }
        return rows;
    }

    private static decimal? UnitsPerEuro(EuroConverter converter, Currency currency)
    {
        var rate = converter.ToEur(new Money.Money(currency.MinorPerUnit, currency), WashingtonSummit);
        return rate.IsOk ? rate.Value.UnitsPerEuro : null;
    }

    private static readonly string[] PartnerCapabilities =
    [
        "non-lethal-winter", "demining", "medical", "energy", "it-secure-comms", "maritime"
    ];

    private static List<string[]> Requirements(int count, Random random)
    {
        var rows = new List<string[]>();
        for (var i = 1; i <= count; i++)
        {
            var roll = random.NextDouble();
            var recipient = roll < 0.8 ? "UA" : roll < 0.9 ? "MD" : "GE";
            var candidates = recipient == "UA"
                ? DemoCatalogue.Items
                : DemoCatalogue.Items.Where(x => PartnerCapabilities.Contains(x.Capability)).ToArray();
            var item = candidates[random.Next(candidates.Count)];
            var priority = 1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 1.6) * 5);
            var needBy = YearMonth.Of(2025, 1).AddMonths(random.Next(36));
            rows.Add(
                [
                    $"{recipient}-R{i:D4}", recipient, item.Id, Number(HeavyTailed(item.TypicalQuantity, random)),
                    Number(priority), needBy.ToString(), Number(random.Next(0, 13))]);
        }
        return rows;
    }

    private static List<string[]> Offers(
        int count, string[] donors, IReadOnlyDictionary<string, decimal> gdpUsd, Random random)
    {
        var weights = donors.Select(d => (double)gdpUsd.GetValueOrDefault(d, 300_000_000_000m)).ToArray();
        var rows = new List<string[]>();
        for (var i = 1; i <= count; i++)
        {
            var donor = Pick(donors, weights, random);
            var item = DemoCatalogue.Items[random.Next(DemoCatalogue.Items.Count)];
            var available = YearMonth.Of(2024, 10).AddMonths(random.Next(33));
            var (recipients, conditions) = Restrictions(item, random);
            // Two offers in three are released to the other nations (decided without the random stream, which the rest
            // of the demo shares).
            rows.Add(
                [
                    $"{donor}-O{i:D4}", donor, item.Id, Number(HeavyTailed(item.TypicalQuantity, random)),
                    available.ToString(), Number(random.Next(0, 5)), recipients, conditions,
                i % 3 == 0 ? "no" : "yes"]);
        }
        return rows;
    }

    private static (string Recipients, string Conditions) Restrictions(DemoCatalogue.Item item, Random random)
    {
        var roll = random.NextDouble();
        if (item.Capability == "air-missile-defence" && roll < 0.25)
            return (
                "PL;RO", "Deployable only within NATO territory (protection of the logistics hubs supplying Ukraine)");
        if (roll < 0.55)
            return ("*", "");
        if (roll < 0.75)
            return ("UA", "For use within Ukraine's internationally recognised territory; no re-export");
        if (roll < 0.85 && PartnerCapabilities.Contains(item.Capability))
            return ("MD;GE", "Non-lethal support for partners under pressure; civilian end use");
        if (roll < 0.92)
            return ("UA;MD", "End-use monitoring by the donor's embassy");
        return ("*", "Crew training by the donor required before delivery");
    }

    private static long HeavyTailed(long typical, Random random)
    {
        // Log-normal around the typical order size: most requests are ordinary, a few are very large.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Max(1, (long)Math.Round(typical * Math.Exp(0.9 * normal)));
    }

    private static string Pick(string[] items, double[] weights, Random random)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Length; i++)
        {
            target -= weights[i];
            if (target <= 0)
                return items[i];
        }
        return items[^1];
    }

    private static string Day(int year, int month, Random random) =>
        new DateOnly(year, month, 1 + random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
