using System.Globalization;
using Mainstay.Money;
using Mainstay.Problems;

namespace Mainstay.Data.Files;

/// <summary>
/// The ECB's own <c>eurofxref-hist.csv</c>: <c>Date,USD,JPY,...</c>, one row per day, units of each
/// currency per euro, <c>N/A</c> where no rate was published and a trailing comma on every line.
/// Turned into the long <c>currency,date,units_per_euro</c> table the ledger keeps; N/A and empty
/// cells are simply not rates.
/// </summary>
public static class EcbRatesFile
{
    public static bool Looks(TextTable table) =>
        table.Header.Length > 1
            && table.Header[0] == "Date"
            && table.Header.Skip(1).Where(h => h.Length > 0).All(h => h.Length == 3 && h.All(char.IsAsciiLetterUpper));

    public static Result<TextTable> ToLong(TextTable wide, ICollection<Problem> problems)
    {
        var rows = new List<TextRow>();
        var currencies = wide.Header;
        foreach (var row in wide.Rows)
        {
            var where = $"{wide.Name}:{row.Line}";
            var date = row.Cells[0];
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add(new Problem(where, "Date", $"expected a date YYYY-MM-DD, got \"{date}\""));
                continue;
            }
            // the ECB's trailing comma adds an empty column
            var expected = currencies.Length - (currencies[^1].Length == 0 ? 1 : 0);
            if (TextTable.CutShort(where, row.Cells.Length, expected) is { } cutShort)
            {
                problems.Add(cutShort);
                continue;
            }
            if (row.Cells.Length > currencies.Length && row.Cells.Skip(currencies.Length).Any(c => c.Length > 0))
                problems.Add(
                    new Problem(where, "", $"expected at most {currencies.Length} fields, got {row.Cells.Length}"));
            for (var i = 1; i < Math.Min(row.Cells.Length, currencies.Length); i++)
            {
                var cell = row.Cells[i];
                if (currencies[i].Length == 0 || cell.Length == 0 || cell == "N/A")
                    continue;
                if (!decimal.TryParse(cell, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || !Rates.InRange(rate))
                {
                    problems.Add(
                        new Problem(
                            where, currencies[i],
                            $"expected a rate {Rates.Range} such as 1.0823 or N/A, got \"{cell}\""));
                    continue;
                }
                rows.Add(new TextRow(row.Line, [currencies[i], date, cell]));
            }
        }
        return Result<TextTable>.Ok(new TextTable(wide.Name, ["currency", "date", "units_per_euro"], rows));
    }
}
