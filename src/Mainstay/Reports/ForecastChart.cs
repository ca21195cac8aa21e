using System.Net;
using System.Text;
using Mainstay.Planning;

namespace Mainstay.Reports;

/// <summary>
/// Draws the coverage forecast as a self-contained SVG: one small chart per capability area,
/// cumulative units needed (grey) against units planned to arrive on time (blue), month by month,
/// with the gap at the last month written under each.
/// </summary>
public static class ForecastChart
{
    private const int Width = 320;
    private const int Height = 150;
    private const int Columns = 3;
    private const int Margin = 36;

    public static string Svg(IReadOnlyList<ForecastMonth> forecast, string title)
    {
        var areas = forecast.Where(f => f.Item is null).GroupBy(f => f.Capability).ToArray();
        var rows = Math.Max(1, (areas.Length + Columns - 1) / Columns);
        var svg = new StringBuilder();
        var totalWidth = Columns * (Width + Margin) + Margin;
        var totalHeight = rows * (Height + (2 * Margin)) + 60;
        svg.Append(FormattableString.Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{totalWidth}\" ")
            + FormattableString.Invariant($"height=\"{totalHeight}\" viewBox=\"0 0 {totalWidth} ")
            + FormattableString.Invariant($"{totalHeight}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<text "
            + FormattableString.Invariant($"x=\"{Margin}\" y=\"24\" font-size=\"16\" ")
            + FormattableString.Invariant($"font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>\n"));
        var span = forecast.Count == 0
            ? ""
            : FormattableString.Invariant($", {forecast.Min(f => f.Month)} to {forecast.Max(f => f.Month)}");
        svg.Append(FormattableString.Invariant($"<text x=\"{Margin}\" y=\"42\" fill=\"#555\">Cumulative ")
            + FormattableString.Invariant($"units{span}: <tspan fill=\"#888\">needed by each month</tspan>, ")
            + "<tspan fill=\"#1f6fb4\">planned to arrive on time</tspan></text>\n");
        for (var a = 0; a < areas.Length; a++)
        {
            var months = areas[a].OrderBy(f => f.Month).ToArray();
            var x0 = Margin + (a % Columns * (Width + Margin));
            var y0 = 60 + (a / Columns * (Height + (2 * Margin))) + 16;
            var max = Math.Max(1, months.Max(m => m.Needed));
            string Path(Func<ForecastMonth, long> value) => string.Join(' ', months.Select((m, i) =>
                FormattableString.Invariant(
                    $"{(i == 0 ? 'M' : 'L')}{x0 + (months.Length == 1 ? 0 : i * Width / (double)(months.Length - 1)):0.#},{y0 + Height - (value(m) * Height / (double)max):0.#}")));
            svg.Append(FormattableString.Invariant($"<text x=\"{x0}\" ")
                + FormattableString.Invariant($"y=\"{y0 - 4}\" ")
                + FormattableString.Invariant($"font-weight=\"bold\">{WebUtility.HtmlEncode(areas[a].Key)}</text>\n"));
            svg.Append(FormattableString.Invariant($"<rect x=\"{x0}\" ")
                + FormattableString.Invariant($"y=\"{y0}\" ")
                + FormattableString.Invariant($"width=\"{Width}\" ")
                + FormattableString.Invariant($"height=\"{Height}\" fill=\"none\" stroke=\"#ccc\"/>\n"));
            svg.Append(
                FormattableString.Invariant(
                    $"<path d=\"{Path(m => m.Needed)}\" fill=\"none\" stroke=\"#888\" stroke-width=\"2\"/>\n"));
            svg.Append(
                FormattableString.Invariant(
                    $"<path d=\"{Path(m => m.OnTime)}\" fill=\"none\" stroke=\"#1f6fb4\" stroke-width=\"2\"/>\n"));
            var end = months[^1];
            svg.Append(FormattableString.Invariant($"<text x=\"{x0}\" y=\"{y0 + Height + 14}\" ")
                + FormattableString.Invariant($"fill=\"#555\">By {end.Month}: {end.Needed:N0} needed, ")
                + FormattableString.Invariant($"{end.OnTimeShare * 100:0}% on time, gap {end.Gap:N0}</text>\n"));
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
