using System.Globalization;
using Mainstay.Money;
using Mainstay.Problems;

namespace Mainstay.Data.Files;

/// <summary>
/// The IMF's annual average exchange rates as codeforIATI publishes them
/// (<c>imf_exchangerates_A_ENDA_USD.csv</c>): <c>Date,Rate,Currency,Frequency,Source,Country code,Country</c>,
/// one row per country and year dated YYYY-12-31, units of the currency per US dollar. Turned into
/// the long <c>currency,year,units_per_usd,source</c> table. A currency several countries report
/// (the euro: each euro-area country) gets the mean of their rates, since they differ in the last digits.
/// The file reaches back to 1940 and holds currencies long withdrawn (the franc, the mark, the IMF's
/// own codes): rows Mainstay cannot use are skipped and counted by reason, never silently.
/// </summary>
public static class ImfRatesFile
{
    private const int FirstYear = 1950;
    private static readonly string[] Header =
    [
        "Date", "Rate", "Currency", "Frequency", "Source", "Country code", "Country"
    ];

    public static bool Looks(TextTable table) => table.Header.SequenceEqual(Header, StringComparer.Ordinal);

    public static Result<TextTable> ToLong(TextTable published, ICollection<Problem> problems)
    {
        var rates = new SortedDictionary<(string Currency, int Year), (int Line, List<decimal> Rates, string Source)>();
        var unknown = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var early = 0;
        foreach (var row in published.Rows)
        {
            var where = $"{published.Name}:{row.Line}";
            if (TextTable.CutShort(where, row.Cells.Length, Header.Length) is { } cutShort)
            {
                problems.Add(cutShort);
                continue;
            }
            if (!DateOnly.TryParseExact(row.Cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || date.Year > Mainstay.Time.YearMonth.MaxYear)
            {
                problems.Add(
                    new Problem(
                        where, "Date", "expected a date YYYY-12-31 up to "
                            + $"{Mainstay.Time.YearMonth.MaxYear}, got \"{row.Cells[0]}\""));
                continue;
            }
            if (!decimal.TryParse(row.Cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !Rates.InRange(rate))
            {
                problems.Add(
                    new Problem(where, "Rate", $"expected a rate {Rates.Range} such as 93.12, got \"{row.Cells[1]}\""));
                continue;
            }
            var currency = row.Cells[2];
            if (Currency.Find(currency) is null)
            {
                unknown[currency] = unknown.GetValueOrDefault(currency) + 1;
                continue;
            }
            if (date.Year < FirstYear)
            {
                early++;
                continue;
            }
            var key = (currency, date.Year);
            if (!rates.TryGetValue(key, out var entry))
                rates[key] = entry = (row.Line, [], $"{row.Cells[4]} annual average per US$");
            entry.Rates.Add(rate);
        }
        var rows = rates.Select(
            r => new TextRow(r.Value.Line, [r.Key.Currency, r.Key.Year.ToString(CultureInfo.InvariantCulture),
            Rounded(Mean(r.Value.Rates)).ToString(CultureInfo.InvariantCulture), r.Value.Source])).ToArray();
        var skipped = new List<string>();
        if (unknown.Count > 0)
            skipped.Add($"{unknown.Values.Sum()} rows in codes that are not current ISO 4217 currencies "
                + $"({string.Join(", ", unknown.Select(u => $"{u.Key} {u.Value}"))}): withdrawn currencies, or the "
                    + "IMF's own codes; "
                + "no amount in the ledger can be in them");
        if (early > 0)
            skipped.Add($"{early} rows before {FirstYear}: annual rates are kept from {FirstYear}");
        return Result<TextTable>.Ok(
            new TextTable(published.Name, ["currency", "year", "units_per_usd", "source"], rows) { Skipped = skipped });
    }

    /// <summary>The mean, summed in shares so that it cannot overflow where the sum would.</summary>
    private static decimal Mean(List<decimal> rates) => rates.Count == 1 ? rates[0] : rates.Sum(r => r / rates.Count);

    /// <summary>
    /// Ten decimals, and more for a rate below 1e-4, so that at least seven digits remain: the
    /// Argentine peso of the 1960s is 1.4e-11 per US$ in today's pesos, and ten decimals made it zero.
    /// </summary>
    private static decimal Rounded(decimal rate)
    {
        var decimals = 10;
        for (var r = rate; r < 0.0001m && decimals < 28; r *= 10)
            decimals++;
        return Math.Round(rate, decimals);
    }
}
