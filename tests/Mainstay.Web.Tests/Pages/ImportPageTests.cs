using System.Net;
using System.Text;
using static Mainstay.Web.Tests.Api.ApiCalls;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// The Import page: a desk's upload replaces only its nation's rows, "check only" changes nothing,
/// and rows the files lack are removed only when the uploader says so.
/// </summary>
public sealed class ImportPageTests
{
    /// <summary>Uploads one file on /Import as <paramref name="client"/>, with the form's other fields.</summary>
    internal static async Task<(HttpStatusCode Status, string Html)> UploadAsync(
        PageClient client, string name, string content, params (string Field, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PageClient.TokenIn(await client.Http.GetStringAsync("/Import"))),
                "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "files", name },
        };
        foreach (var (field, value) in fields)
            form.Add(new StringContent(value), field);
        var response = await client.Http.PostAsync("/Import", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_desks_file_with_a_bad_row_also_hears_in_the_same_upload_which_rows_it_would_remove()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = await PageClient.SignInAsync(web, "pl-desk");
        using var coord = web.Client("coord");
        var own = (await Items(coord, "offers")).Where(o => o.GetProperty("donor").GetString() == "PL")
            .Select(o => o.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray();
        own.Length.ShouldBeGreaterThan(1);
        // Every PL offer but the last, the first with a bad quantity: the file lacks the last one.
        var file = "id,donor,item,quantity,available,transit_months,recipients\n"
            + string.Concat(own[..^1].Select((id, i) =>
            $"{id},PL,155mm-shell,{(i == 0 ? "many" : "3")},2026-01,0,*\n"));
        var before = await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger);

        var (status, html) = await UploadAsync(desk, "offers.csv", file);

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        html.ShouldContain("offers.csv:2: quantity: expected an integer");
        html.ShouldContain($"would remove 1 row(s) of offers that the file does not hold ({own[^1]})");
        html.ShouldNotContain($"({own[0]})"); // the bad row is in the file: not counted as removed
        (await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task A_desks_upload_replaces_only_its_nations_offers_after_a_check_and_with_consent_to_removals()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = await PageClient.SignInAsync(web, "pl-desk");
        using var coord = web.Client("coord");
        var offers = await Items(coord, "offers");
        var own = offers.Where(o => o.GetProperty("donor").GetString() == "PL")
            .Select(o => o.GetProperty("id").GetString()!).ToArray();
        own.Length.ShouldBeGreaterThan(1);
        var file = "id,donor,item,quantity,available,transit_months,recipients\n"
            + $"{own[0]},PL,155mm-shell,3,2026-01,0,*\n";
        var before = await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger);

        var refused = await UploadAsync(desk, "offers.csv", file);
        var checkedOnly = await UploadAsync(desk, "offers.csv", file, ("allowRemovals", "true"), ("dryRun", "true"));
        var unchanged = await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger);
        var imported = await UploadAsync(desk, "offers.csv", file, ("allowRemovals", "true"));

        refused.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.Html.ShouldContain($"would remove {own.Length - 1} row(s) of offers");
        checkedOnly.Status.ShouldBe(HttpStatusCode.OK);
        checkedOnly.Html.ShouldContain("Checked: these changes would be made; nothing was saved");
        checkedOnly.Html.ShouldContain($"offers.csv: 0 added, 1 changed, {own.Length - 1} removed");
        unchanged.ShouldBe(before);
        imported.Status.ShouldBe(HttpStatusCode.OK, imported.Html);
        var after = await Items(coord, "offers");
        after.Where(o => o.GetProperty("donor").GetString() == "PL").Select(o => o.GetProperty("id").GetString())
            .ShouldBe([own[0]]);
        after.Length.ShouldBe(offers.Length - (own.Length - 1)); // every other nation's offer is still there
    }
}
