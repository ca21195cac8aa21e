using System.Text.RegularExpressions;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// The dashboard's aggregates are for everyone; its largest gaps name requirements, so each user sees only those they
/// may.
/// </summary>
public sealed partial class OverviewPageTests
{
    [Fact]
    public async Task The_largest_gaps_show_only_requirements_the_user_may_see()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var anyone = web.Client();
        using var coord = web.Client("coord");
        using var officer = web.Client("ua-officer");

        var publicPage = await anyone.GetStringAsync("/");
        var coordGaps = GapRecipients(await coord.GetStringAsync("/"));
        var officerGaps = GapRecipients(await officer.GetStringAsync("/"));

        publicPage.ShouldContain("Sign in to see the requirements with the largest gaps");
        publicPage.ShouldNotContain("id=\"gaps\"");
        publicPage.ShouldNotContain("href=\"/Audit\""); // nor links to pages it may not open
        coordGaps.Count.ShouldBe(10);
        coordGaps.Distinct().Count().ShouldBeGreaterThan(1);
        officerGaps.ShouldNotBeEmpty();
        officerGaps.ShouldAllBe(r => r == "UA");
    }

    /// <summary>The recipient column of the gaps table.</summary>
    private static List<string> GapRecipients(string html)
    {
        var table = html[html.IndexOf("id=\"gaps\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return [.. GapRow().Matches(table).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("<tr><td>[^<]+</td><td>([A-Z]{2})</td>")]
    private static partial Regex GapRow();
}
