using System.Globalization;
using Mainstay.Planning;

namespace Mainstay.Cli.Commands;

/// <summary>
/// Prints the coverage forecast by capability area: the share of needs met on time at the end of each quarter.
/// </summary>
public static class ForecastTable
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<ForecastMonth> forecast)
    {
        var areas = forecast.Where(f => f.Item is null).GroupBy(f => f.Capability).ToArray();
        if (areas.Length == 0)
            return;
        var quarterEnds = areas[0].Select(f => f.Month).Where(m => m.Month % 3 == 0).ToArray();
        await output.WriteLineAsync();
        await output.WriteLineAsync("Coverage forecast: share of units due so far that arrive on time, "
            + "at each quarter's end; last column the gap in units");
        await output.WriteLineAsync(
            $"{"capability",-22}" + string.Concat(quarterEnds.Select(m => $" {m,7}")) + $" {"gap",12}");
        foreach (var area in areas)
        {
            var byMonth = area.ToDictionary(f => f.Month);
            var cells = quarterEnds.Select(
                m => byMonth.TryGetValue(m, out var f) && f.Needed > 0
                    ? (f.OnTimeShare * 100).ToString("0", CultureInfo.InvariantCulture) + "%"
                    : "-");
            await output.WriteLineAsync(
                $"{area.Key,-22}"
                    + string.Concat(cells.Select(c => $" {c,7}"))
                    + string.Create(CultureInfo.InvariantCulture, $" {area.Last().Gap,12:N0}"));
        }
    }
}
