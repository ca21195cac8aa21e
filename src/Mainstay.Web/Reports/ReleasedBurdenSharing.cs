using System.Text.RegularExpressions;
using Mainstay.Access;
using Mainstay.BurdenSharing;

namespace Mainstay.Web.Reports;

/// <summary>
/// The burden-sharing report as the web shows it: per-nation totals are released aggregates, but the
/// report's notes name contributions (by id) and its sources quote their source texts. Those are
/// rows of the contributions table, so only users who may see every contribution (coordinators and
/// auditors) get them; everyone else gets the same figures with the notes counted instead of named.
/// </summary>
public static partial class ReleasedBurdenSharing
{
    /// <summary>The report as <paramref name="user"/> may see it: for anyone but coordinators and auditors, notes and sources without contribution ids or source texts.</summary>
    public static BurdenSharingReport For(BurdenSharingReport report, User? user)
    {
        if (AccessPolicy.SeesEverything(user))
            return report;
        var ids = report.Contributions.Select(c => c.Contribution.Id + ": ").ToArray();
        DonorLine Released(DonorLine line)
        {
            var named = line.Notes.Count(n => ids.Any(id => n.StartsWith(id, StringComparison.Ordinal)));
            return named == 0 ? line : line with
            {
                Notes = [.. line.Notes.Where(n => !ids.Any(id => n.StartsWith(id, StringComparison.Ordinal))),
                    $"{named} contribution(s) valued at IMF annual average rates via US$ (the ECB publishes none for their currency)"],
            };
        }
        return report with
        {
            Allies = [.. report.Allies.Select(Released)],
            Partners = [.. report.Partners.Select(Released)],
            Sources = [.. report.Sources.Select(s => MostlyFrom().Replace(s, ""))],
            Contributions = [],
        };
    }

    /// <summary>The " (mostly …)" naming the commonest source texts of recorded contributions.</summary>
    [GeneratedRegex(@" \(mostly [^)]*\)")]
    private static partial Regex MostlyFrom();
}
