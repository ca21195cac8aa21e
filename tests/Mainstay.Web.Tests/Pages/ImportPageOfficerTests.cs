using System.Net;
using System.Text.RegularExpressions;
using Mainstay.Data.Tests.Import;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// A recipient officer's upload on /Import holds its nation's requirements (as <c>--recipient</c>):
/// it replaces only those, leaves every other nation's, and refuses a row of another nation.
/// </summary>
public sealed class ImportPageOfficerTests
{
    private static string Errors(string html) =>
        Regex.Match(html, "<ul class=\"error\"[^>]*>(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task An_officers_upload_replaces_only_its_nations_requirements()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var officer = await PageClient.SignInAsync(web, "ua-officer");
        var (header, ua, others) = DemoRequirements.File(web.Ledger);
        var changed = ua[0].Split(',');
        changed[3] = "4242";
        var removed = ua[^1].Split(',')[0];
        var file = string.Join('\n', [header, string.Join(',', changed), .. ua[1..^1]]) + "\n";
        var before = await DemoRequirements.StoredAsync(web.Ledger);

        var refused = await ImportPageTests.UploadAsync(officer, "requirements.csv", file);
        var imported = await ImportPageTests.UploadAsync(officer, "requirements.csv", file, ("allowRemovals", "true"));

        refused.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.Html.ShouldContain($"would remove 1 row(s) of requirements that the file does not hold ({removed})");
        imported.Status.ShouldBe(HttpStatusCode.OK, imported.Html);
        imported.Html.ShouldContain("requirements.csv: 0 added, 1 changed, 1 removed");
        var after = await DemoRequirements.StoredAsync(web.Ledger);
        after[changed[0]][3].ShouldBe("4242");
        after.ContainsKey(removed).ShouldBeFalse();
        foreach (var key in others.Select(l => l.Split(',')[0]))
            after[key].ShouldBe(before[key], key);
    }

    [Fact]
    public async Task A_row_of_another_nation_in_an_officers_upload_is_refused()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var officer = await PageClient.SignInAsync(web, "ua-officer");
        var (header, ua, others) = DemoRequirements.File(web.Ledger);
        var md = others.First(l => l.Split(',')[1] == "MD");
        var mdNew = "MD-R9999" + md[md.IndexOf(',', StringComparison.Ordinal)..];
        var before = await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger);

        var stored = await ImportPageTests.UploadAsync(officer, "requirements.csv",
            string.Join('\n', [header, .. ua, md]) + "\n");
        var added = await ImportPageTests.UploadAsync(officer, "requirements.csv",
            string.Join('\n', [header, .. ua, mdNew]) + "\n");

        stored.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        added.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Errors(stored.Html).ShouldContain($"requirements.csv:{ua.Length + 2}: ");
        // An MD row that exists is answered as one that does not: the officer may not see MD's requirements.
        Errors(stored.Html).Replace(md.Split(',')[0], "ID", StringComparison.Ordinal)
            .ShouldBe(Errors(added.Html).Replace("MD-R9999", "ID", StringComparison.Ordinal));
        (await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }
}
