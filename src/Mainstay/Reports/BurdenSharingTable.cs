using System.Globalization;
using Mainstay.BurdenSharing;
using Mainstay.Ledger;

namespace Mainstay.Reports;

/// <summary>A burden-sharing report as rows of text: for CSV and Excel files and the terminal.</summary>
public static class BurdenSharingTable
{
    public static readonly string[] Header =
        [
            "rank", "nation", "name", "role", "counted_eur", "fair_share_eur", "ratio", "percent_of_gdp", "gdp_eur",
            "notes"];

    /// <summary>The columns that hold numbers (a spreadsheet should see numbers there).</summary>
    public static readonly IReadOnlySet<int> NumericColumns = new HashSet<int> { 0, 4, 5, 6, 7, 8 };

    /// <summary>Allies by rank, then partners by contribution, then the totals.</summary>
    public static IEnumerable<string[]> Rows(BurdenSharingReport report)
    {
        foreach (var line in report.Allies.Concat(report.Partners))
            yield return
            [
                line.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", line.Nation.Code, line.Nation.Name,
                Role(line.Nation.Role),
                line.Counted.AmountText(), line.FairShare?.AmountText() ?? "", Exact(line.Ratio),
                Exact(line.PercentOfGdp),
                line.Gdp?.Eur.AmountText() ?? "", string.Join("; ", line.Notes),
            ];
        yield return [
            "", "ALLIES", "Allies, total", "ally", report.AlliesTotal.AmountText(), report.PeriodBaseline.AmountText(),
            Fixed(
                report.PeriodBaseline.Minor == 0
                    ? null
                    : (decimal)report.AlliesTotal.Minor / report.PeriodBaseline.Minor,
                4),
            "", "", ""];
        yield return [
            "", "PARTNERS", "Partners, total", "partner", report.PartnersTotal.AmountText(), "", "", "", "", ""];
        if (report.OthersTotal.Minor != 0)
            yield return ["", "OTHERS", "Other donors, total", "", report.OthersTotal.AmountText(), "", "", "", "", ""];
        yield return [
            "", "ALLIED-SHARE", "Share of all military support from allies", "", "", "",
            Fixed(report.AlliedShareOfMilitarySupport, 4), "", "", ""];
    }

    /// <summary>The report for a terminal: aligned, amounts in EUR millions, ratios with a bar.</summary>
    public static IEnumerable<string> Text(BurdenSharingReport report)
    {
        var notes = report.Allies.Concat(report.Partners).Where(l => l.Notes.Count > 0).ToArray();
        yield return $"Burden sharing {report.Period}: baseline "
            + $"{BurdenSharingReport.Eur(report.PeriodBaseline)}, GDP of {report.GdpYear}";
        yield return "";
        yield return $"{"rank",4}  {"ally",-22} {"counted EUR m",14} "
            + $"{"fair share EUR m",17} {"ratio",6}  {"",-20} {"% GDP",7}";
        foreach (var line in report.Allies)
            yield return Invariant($"{line.Rank,4}  {Name(line.Nation),-22} {Millions(line.Counted),14} ")
                + Invariant($"{Millions(line.FairShare!.Value),17} {line.Ratio,6:0.00}  {Bar(line.Ratio),-20} ")
                + Invariant($"{line.PercentOfGdp,7:0.000}{Marks(line)}");
        yield return Invariant($"{"",4}  {"Allies, total",-22} {Millions(report.AlliesTotal),14} ")
            + Invariant($"{Millions(report.PeriodBaseline),17} ")
            + Invariant($"{(report.PeriodBaseline.Minor == 0 ? 0 : (decimal)report.AlliesTotal.Minor / report.PeriodBaseline.Minor),6:0.00}");
        if (report.Partners.Count > 0)
        {
            yield return "";
            yield return $"{"",4}  {"partner",-22} {"counted EUR m",14} {"",17} {"",6}  {"",-20} {"% GDP",7}";
            foreach (var line in report.Partners)
                yield return Invariant($"{"",4}  {Name(line.Nation),-22} {Millions(line.Counted),14} {"",17} ")
                    + Invariant($"{"",6}  {"",-20} ")
                    + Invariant($"{(line.PercentOfGdp is { } p ? p.ToString("0.000", CultureInfo.InvariantCulture) : "-"),7}{Marks(line)}");
            yield return Invariant($"{"",4}  {"Partners, total",-22} {Millions(report.PartnersTotal),14}");
        }
        if (report.OthersTotal.Minor != 0)
            yield return Invariant($"{"",4}  {"Other donors, total",-22} {Millions(report.OthersTotal),14}");
        yield return "";
        if (report.AlliedShareOfMilitarySupport is { } share)
            yield return Invariant(
                $"Allies gave {share * 100:0.0}% of all military support counted in {report.Period}.");
        yield return "By category: "
            + string.Join(
                ", ", report.ByCategory.Select(c => $"{Codes.Of(c.Category)} {Millions(c.Counted).Trim()} m"));
        for (var i = 0; i < notes.Length; i++)
            yield return $"[{i + 1}] {notes[i].Nation.Code}: {string.Join("; ", notes[i].Notes)}";
        yield return "";
        yield return "Rule: " + report.Rule;

        string Marks(DonorLine line)
        {
            var index = Array.IndexOf(notes, line);
            return index < 0 ? "" : $" [{index + 1}]";
        }
    }

    private static string Name(Nation nation) => $"{nation.Code} {nation.Name}" is var name && name.Length > 22
        ? name[..21] + "…"
        : name;

    private static string Millions(Money.Money amount) => (
        amount.Units / 1_000_000m).ToString("N1", CultureInfo.InvariantCulture);

    /// <summary>A bar of the ratio to the fair share, one block per tenth, the fair share (1.0) marked.</summary>
    private static string Bar(decimal? ratio)
    {
        var tenths = (int)Math.Round(Math.Min(2m, ratio ?? 0) * 10, MidpointRounding.AwayFromZero);
        var bar = new string('█', tenths).PadRight(20, ' ').ToCharArray();
        if (tenths < 10)
            bar[9] = '│';
        return new string(bar);
    }

    private static string Fixed(
        decimal? value, int decimals) => value?.ToString("F" + decimals, CultureInfo.InvariantCulture)
        ?? "";

    /// <summary>
    /// Ten decimals at most, for files that will be computed with: a small donor's % of GDP can be 0.00002.
    /// </summary>
    private static string Exact(decimal? value) => value is { } v
        ? Math.Round(v, 10).ToString("0.##########", CultureInfo.InvariantCulture)
        : "";

    private static string Role(NationRole role) => role.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
