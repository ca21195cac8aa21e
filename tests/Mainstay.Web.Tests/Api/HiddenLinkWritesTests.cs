using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mainstay.Web.Tests.Pages;
using static Mainstay.Web.Tests.Api.ApiCalls;

namespace Mainstay.Web.Tests.Api;

/// <summary>
/// A desk's contributions link to rows it may not see (the demo's PL25-AMMO is reimbursed by the EU's
/// EPF25-PL; DE's CAP25-BUY-FUEL is paid from CAP25-DE). Those links read as empty, and the desk can
/// still add, change and re-import its own rows: no write of its own is refused for them, and no
/// answer names them.
/// </summary>
public sealed class HiddenLinkWritesTests
{
    private static readonly string[] HiddenIds = ["EPF25-PL", "CAP25-DE", "CAP25-BUY-FUEL"];

    private const string NewRow = """
        {"id":"PL-C9","donor":"PL","recipient":"UA","value_date":"2025-05-01","aid_type":"military",
         "category":"equipment","channel":"bilateral","amount":"10","currency":"EUR","valuation":"cash","source":"s"}
        """;

    private static void NamesNoHiddenRow(string answer)
    {
        foreach (var id in HiddenIds)
            answer.ShouldNotContain(id);
    }

    [Fact]
    public async Task A_desk_adds_a_contribution_without_being_told_of_hidden_links()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = web.Client("pl-desk");

        using var response = await Send(desk, HttpMethod.Post, "/api/v1/contributions", NewRow);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        NamesNoHiddenRow(body);
    }

    [Fact]
    public async Task A_desk_changes_a_contribution_it_read_and_its_hidden_link_is_kept()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = web.Client("pl-desk");
        using var coord = web.Client("coord");
        using var read = await desk.GetAsync("/api/v1/contributions/PL25-AMMO");
        var row = JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        row["reimbursed_by"]!.GetValue<string>().ShouldBe("");
        row["source"] = "Polish Ministry of Defence: corrected note";

        var etag = read.Headers.ETag!.Tag;
        using var response = await Send(desk, HttpMethod.Put, "/api/v1/contributions/PL25-AMMO", row.ToJsonString(),
            etag);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        NamesNoHiddenRow(body + response.Headers.ETag);
        var stored = (await Items(coord, "contributions")).Single(c => c.GetProperty("id").GetString() == "PL25-AMMO");
        stored.GetProperty("reimbursed_by").GetString().ShouldBe("EPF25-PL");
        stored.GetProperty("source").GetString().ShouldBe("Polish Ministry of Defence: corrected note");
    }

    [Fact]
    public async Task Naming_the_hidden_link_back_is_answered_as_naming_a_row_that_does_not_exist()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = web.Client("pl-desk");
        using var read = await desk.GetAsync("/api/v1/contributions/PL25-AMMO");
        var json = await read.Content.ReadAsStringAsync();

        async Task<(HttpStatusCode, string)> Link(string id)
        {
            var row = JsonNode.Parse(json)!.AsObject();
            row["reimbursed_by"] = id;
            var path = "/api/v1/contributions/PL25-AMMO";
            using var response = await Send(desk, HttpMethod.Put, path, row.ToJsonString(), read.Headers.ETag!.Tag);
            var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty(
                "errors");
            return (response.StatusCode, errors.ToString().Replace(id, "ID", StringComparison.Ordinal));
        }

        var hidden = await Link("EPF25-PL");
        var none = await Link("NO-SUCH-9");

        hidden.Item1.ShouldBe(HttpStatusCode.UnprocessableEntity);
        hidden.ShouldBe(none);
    }

    [Fact]
    public async Task A_link_to_a_bad_row_of_the_same_file_is_answered_alike_whether_or_not_a_hidden_row_has_its_id()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = await PageClient.SignInAsync(web, "pl-desk");
        var file = await desk.Http.GetStringAsync("/Ledger/contributions?handler=Download&format=csv");
        var header = file[..file.IndexOf('\n', StringComparison.Ordinal)].Split(',');
        string Row(Dictionary<string, string> cells) =>
            string.Join(',', header.Select(c => cells.GetValueOrDefault(c, "")));
        async Task<string> AnswerAsync(string target)
        {
            var linked = new Dictionary<string, string>
            {
                ["id"] = "PL-C9", ["donor"] = "PL", ["recipient"] = "UA", ["value_date"] = "2025-05-01",
                ["aid_type"] = "military", ["category"] = "equipment", ["channel"] = "bilateral", ["amount"] = "10",
                ["currency"] = "EUR", ["valuation"] = "cash", ["source"] = "s", ["funded_by"] = target,
                ["correction"] = "no",
            };
            var bad = new Dictionary<string, string>(linked) { ["id"] = target, ["amount"] = "lots",
                ["funded_by"] = "" };
            var (_, html) = await ImportPageTests.UploadAsync(
                desk, "contributions.csv", file.TrimEnd('\n') + "\n" + Row(linked) + "\n" + Row(bad) + "\n",
                ("dryRun", "true"));
            var problems = System.Text.RegularExpressions.Regex.Matches(html, "<li>(.*?)</li>")
                .Select(m => m.Groups[1].Value);
            return string.Join("\n", problems).Replace(target, "<target>", StringComparison.Ordinal);
        }

        var hidden = await AnswerAsync("CAP25-DE"); // DE's, hidden from PL
        var free = await AnswerAsync("CAP25-DX"); // no row has this id

        hidden.ShouldContain("contributions.csv:");
        hidden.ShouldBe(free);
    }

    [Fact]
    public async Task A_desk_re_imports_its_downloaded_contributions_unchanged()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = await PageClient.SignInAsync(web, "pl-desk");
        var file = await desk.Http.GetStringAsync("/Ledger/contributions?handler=Download&format=csv");
        file.ShouldContain("PL25-AMMO");
        NamesNoHiddenRow(file);
        var before = await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger);

        var checkedOnly = await ImportPageTests.UploadAsync(desk, "contributions.csv", file, ("dryRun", "true"));
        var unchanged = await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger);
        var imported = await ImportPageTests.UploadAsync(desk, "contributions.csv",
            file.Replace("from stocks", "from its stocks"));

        checkedOnly.Status.ShouldBe(HttpStatusCode.OK, checkedOnly.Html);
        checkedOnly.Html.ShouldContain("contributions.csv: no changes");
        NamesNoHiddenRow(checkedOnly.Html);
        unchanged.ShouldBe(before);
        imported.Status.ShouldBe(HttpStatusCode.OK, imported.Html);
        imported.Html.ShouldContain("contributions.csv: 0 added, 1 changed, 0 removed");
        NamesNoHiddenRow(imported.Html);
        using var coord = web.Client("coord");
        var stored = (await Items(coord, "contributions")).Single(c => c.GetProperty("id").GetString() == "PL25-AMMO");
        stored.GetProperty("reimbursed_by").GetString().ShouldBe("EPF25-PL");
        stored.GetProperty("source").GetString()!.ShouldContain("from its stocks");
    }
}
