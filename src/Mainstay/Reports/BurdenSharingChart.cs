using System.Net;
using System.Text;
using Mainstay.BurdenSharing;

namespace Mainstay.Reports;

/// <summary>
/// Draws a burden-sharing report as a self-contained SVG: one row per ally, sorted by the ratio of
/// what it contributed to its fair share; its bar is that ratio, so a small ally reads as clearly as
/// a large one, against one line at the fair share (100%); amounts are written beside each bar;
/// the rule and the data sources are printed under the chart.
/// </summary>
public static class BurdenSharingChart
{
    private const int Left = 190;
    private const int BarArea = 560;
    private const int RowHeight = 18;
    private const int Top = 78;
    private const decimal MaxRatio = 3m;

    public static string Svg(BurdenSharingReport report)
    {
        var lines = report.Allies;
        var max = Math.Min(MaxRatio, Math.Max(1.25m, lines.Select(l => l.Ratio ?? 0).DefaultIfEmpty(1m).Max()));
        var footer = Wrap(report.Rule, 120).Concat(
            report.Sources.Select(s => "Source: " + s).SelectMany(s => Wrap(s, 120))).ToArray();
        var width = Left + BarArea + 220;
        var height = Top + (lines.Count * RowHeight) + 40 + (footer.Length * 14);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" ")
            + Invariant($"height=\"{height}\" viewBox=\"0 0 {width} {height}\" ")
            + "font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append("<text x=\"16\" y=\"26\" font-size=\"16\" "
            + Invariant($"font-weight=\"bold\">{Encode($"Burden sharing {report.Period}: contributions counted against fair share")}</text>\n"));
        svg.Append("<text x=\"16\" y=\"46\" "
            + Invariant($"fill=\"#555\">{Encode($"Baseline {BurdenSharingReport.Eur(report.PeriodBaseline)} shared by GDP of {report.GdpYear}; allies sorted by contributions counted ÷ fair share.")}</text>\n"));
        svg.Append("<rect x=\"16\" y=\"56\" width=\"10\" height=\"10\" fill=\"#1f6fb4\"/><text "
            + "x=\"30\" y=\"65\">contributions counted, as % of the fair share</text>");
        svg.Append("<rect x=\"290\" y=\"55\" width=\"2\" height=\"12\" "
            + "fill=\"#c0392b\"/><text x=\"298\" y=\"65\">fair share (100%)</text>\n");
        var fair = (double)(1m / max) * BarArea;
        svg.Append(Invariant($"<rect x=\"{Left + fair - 1:0.#}\" y=\"{Top - 4}\" ")
            + Invariant($"width=\"2\" height=\"{(lines.Count * RowHeight) + 8}\" fill=\"#c0392b\"/>\n"));
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var y = Top + (i * RowHeight);
            var ratio = line.Ratio ?? 0;
            var bar = (double)(Math.Min(ratio, max) / max) * BarArea;
            svg.Append(Invariant($"<text x=\"{Left - 8}\" y=\"{y + 12}\" ")
                + Invariant($"text-anchor=\"end\">{Encode($"{line.Rank}. {line.Nation.Name}")}</text>"));
            svg.Append(
                Invariant($"<rect x=\"{Left}\" y=\"{y + 3}\" ")
                    + Invariant($"width=\"{bar:0.#}\" height=\"{RowHeight - 6}\" fill=\"#1f6fb4\"/>"));
            var label = $"{ratio * 100:0}% · EUR {line.Counted.Units / 1_000_000m:N0} m of {line.FairShare?.Units / 1_000_000m:N0} m"
                + (ratio > max ? " (bar cut)" : "");
            svg.Append("<text "
                + Invariant($"x=\"{Left + Math.Max(bar, fair) + 6:0.#}\" ")
                + Invariant($"y=\"{y + 12}\" fill=\"#333\">{Encode(label)}</text>\n"));
        }
        var footerTop = Top + (lines.Count * RowHeight) + 24;
        for (var i = 0; i < footer.Length; i++)
            svg.Append(Invariant($"<text x=\"16\" y=\"{footerTop + (i * 14)}\" ")
                + Invariant($"fill=\"#555\" font-size=\"10\">{Encode(footer[i])}</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>A printable page: the chart, the table and the notes.</summary>
    public static string Html(BurdenSharingReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
            + Invariant($"charset=\"utf-8\">\n<title>{Encode($"Burden sharing {report.Period}")}</title>\n"));
        html.Append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;font-size:0.9em}th,td{padding:0.2em "
            + "0.6em;border-bottom:1px solid "
            + "#ddd;text-align:right}th:nth-child(-n+4),td:nth-child(-n+4),td:last-child{text-align:left}</style>\n</head>\n<body>\n");
        html.Append(Invariant($"<h1>{Encode($"Burden sharing {report.Period}")}</h1>\n"));
        html.Append(Svg(report));
        html.Append("<table>\n<thead><tr>");
        foreach (var column in BurdenSharingTable.Header)
            html.Append(Invariant($"<th>{Encode(column)}</th>"));
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in BurdenSharingTable.Rows(report))
        {
            html.Append("<tr>");
            foreach (var cell in row)
                html.Append(Invariant($"<td>{Encode(cell)}</td>"));
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        html.Append(Invariant($"<p><strong>Rule.</strong> {Encode(report.Rule)}</p>\n<ul>\n"));
        foreach (var source in report.Sources)
            html.Append(Invariant($"<li>{Encode(source)}</li>\n"));
        html.Append("</ul>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0)
                line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0)
            yield return line.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(
        FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
