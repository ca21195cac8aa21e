using System.Globalization;
using Mainstay.Data.Demo;
using Mainstay.Problems;

namespace Mainstay.Data.Files;

/// <summary>
/// The Kiel Institute's Ukraine Support Tracker, per-donor monthly allocations as its website
/// publishes them (<c>data_explorer.csv</c>): <c>country,iso,year,month,total,financial,humanitarian,military,...</c>,
/// amounts in EUR billions. Each non-zero military, financial or humanitarian amount becomes one
/// contribution to Ukraine dated the last day of its month, with the tracker named as its source.
/// Donors are ISO 3166 alpha-3 codes (and <c>EU</c> for the EU institutions), mapped to the ledger's alpha-2.
/// A negative amount is the tracker correcting an earlier month and becomes a correction. The
/// <c>commitments</c> column (what was promised that month) is not support given: it is skipped and
/// counted, and <c>to_be_allocated</c>, the difference, with it.
/// </summary>
public static class KielTrackerFile
{
    private const string Source = "Kiel Institute for the World Economy, Ukraine Support Tracker (data_explorer.csv)";
    private static readonly string[] Types = ["military", "financial", "humanitarian"];

    /// <summary>A million billion euros: beyond any budget, far below what an amount can hold.</summary>
    private const decimal MaxBillions = 1_000_000m;

    private static readonly string[] Header = [
        "id", "donor", "recipient", "value_date", "aid_type", "category", "channel",
        "amount", "currency", "valuation", "source", "funded_by", "reimbursed_by", "correction"];

    public static bool Looks(TextTable table) =>
        table.Header.Length >= 8
            && table.Header[..4].SequenceEqual(["country", "iso", "year", "month"], StringComparer.Ordinal)
        && Types.All(table.Header.Contains);

    public static Result<TextTable> ToContributions(TextTable tracker, ICollection<Problem> problems)
    {
        var alpha2 = ReferenceData.Table(
            "iso3166-alpha3.csv").Rows.ToDictionary(r => r.Cells[0], r => r.Cells[1], StringComparer.Ordinal);
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tracker.Header.Length; i++)
            if (!column.TryAdd(tracker.Header[i], i))
                problems.Add(new Problem($"{tracker.Name}:1", tracker.Header[i], "column appears twice"));
        var rows = new List<TextRow>();
        if (column.Count < tracker.Header.Length)
            return Result<TextTable>.Ok(new TextTable(tracker.Name, Header, rows));
        var commitments = 0;
        foreach (var row in tracker.Rows)
        {
            var where = $"{tracker.Name}:{row.Line}";
            if (TextTable.CutShort(where, row.Cells.Length, tracker.Header.Length) is { } cutShort)
            {
                problems.Add(cutShort);
                continue;
            }
            var iso = row.Cells[column["iso"]];
            if (!alpha2.TryGetValue(iso, out var donor))
            {
                problems.Add(
                    new Problem(
                        where, "iso",
                        $"unknown donor code \"{iso}\"; expected an ISO 3166 alpha-3 code such as DEU, or EU"));
                continue;
            }
            if (!int.TryParse(row.Cells[column["year"]], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100
                || !int.TryParse(
                    row.Cells[column["month"]], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                    || month is < 1 or > 12)
            {
                problems.Add(new Problem(where, "month", "expected a year and a month 1..12, got "
                    + $"{row.Cells[column["year"]]} and {row.Cells[column["month"]]}"));
                continue;
            }
            var date = new DateOnly(
                year, month, DateTime.DaysInMonth(year, month)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var type in Types)
            {
                var text = row.Cells[column[type]];
                if (!decimal.TryParse(
                        text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var billions)
                    || Math.Abs(billions) > MaxBillions)
                {
                    problems.Add(new Problem(where, type, "expected an amount in EUR billions such as 0.0653 "
                        + $"(at most {MaxBillions:0}), got \"{text}\""));
                    continue;
                }
                if (billions == 0)
                    continue;
                var euros = Math.Round(
                    billions * 1_000_000_000m, 2, MidpointRounding.AwayFromZero).ToString("F2",
                    CultureInfo.InvariantCulture);
                rows.Add(
                    new TextRow(
                        row.Line, [$"kiel-{iso}-{year}-{month:D2}-{type}", donor, "UA", date, type, "unspecified",
                    donor == "EU" ? "multilateral" : "bilateral", euros, "EUR", "declared", Source, "", "",
                    billions < 0 ? "yes" : "no"]));
            }
            if (column.TryGetValue("commitments", out var committed)
                && decimal.TryParse(
                    row.Cells[committed], NumberStyles.Float, CultureInfo.InvariantCulture, out var promised)
                    && promised != 0)
                commitments++;
        }
        var skipped = commitments == 0
            ? Array.Empty<string>()
            : [$"{commitments} monthly commitments (the commitments and to_be_allocated "
            + "columns): a commitment is a promise, and burden sharing counts "
                + "support allocated, which the same rows' military, "
            + "financial and humanitarian amounts are; record commitments as pledges with status committed"];
        return Result<TextTable>.Ok(new TextTable(tracker.Name, Header, rows) { Skipped = skipped });
    }
}
