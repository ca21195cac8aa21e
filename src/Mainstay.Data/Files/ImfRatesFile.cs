using System.Globalization;
using Mainstay.Problems;

namespace Mainstay.Data.Files;

/// <summary>
/// The IMF's annual average exchange rates as codeforIATI publishes them
/// (<c>imf_exchangerates_A_ENDA_USD.csv</c>): <c>Date,Rate,Currency,Frequency,Source,Country code,Country</c>,
/// one row per country and year dated YYYY-12-31, units of the currency per US dollar. Turned into
/// the long <c>currency,year,units_per_usd,source</c> table. A currency several countries report
/// (the euro: each euro-area country) gets the mean of their rates, since they differ in the last digits.
/// </summary>
public static class ImfRatesFile
{
    private static readonly string[] Header = ["Date", "Rate", "Currency", "Frequency", "Source", "Country code", "Country"];

    public static bool Looks(TextTable table) => table.Header.SequenceEqual(Header, StringComparer.Ordinal);

    public static Result<TextTable> ToLong(TextTable published, ICollection<Problem> problems)
    {
        var rates = new SortedDictionary<(string Currency, int Year), (int Line, List<decimal> Rates, string Source)>();
        foreach (var row in published.Rows)
        {
            var where = $"{published.Name}:{row.Line}";
            if (TextTable.CutShort(where, row.Cells.Length, Header.Length) is { } cutShort)
            {
                problems.Add(cutShort);
                continue;
            }
            if (!DateOnly.TryParseExact(row.Cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add(new Problem(where, "Date", $"expected a date YYYY-12-31, got \"{row.Cells[0]}\""));
                continue;
            }
            if (!decimal.TryParse(row.Cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
            {
                problems.Add(new Problem(where, "Rate", $"expected a rate > 0 such as 93.12, got \"{row.Cells[1]}\""));
                continue;
            }
            var key = (row.Cells[2], date.Year);
            if (!rates.TryGetValue(key, out var entry))
                rates[key] = entry = (row.Line, [], $"{row.Cells[4]} annual average per US$");
            entry.Rates.Add(rate);
        }
        var rows = rates.Select(r => new TextRow(r.Value.Line, [r.Key.Currency, r.Key.Year.ToString(CultureInfo.InvariantCulture),
            Math.Round(r.Value.Rates.Average(), 10).ToString(CultureInfo.InvariantCulture), r.Value.Source])).ToArray();
        return Result<TextTable>.Ok(new TextTable(published.Name, ["currency", "year", "units_per_usd", "source"], rows));
    }
}
