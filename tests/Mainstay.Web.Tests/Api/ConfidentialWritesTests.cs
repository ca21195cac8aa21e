using System.Net;
using System.Text.Json;
using static Mainstay.Web.Tests.Api.ApiCalls;

namespace Mainstay.Web.Tests.Api;

/// <summary>
/// What a write answers never depends on rows the writer may not see: a clash with another nation's
/// row, a reference to a hidden row and a free id are answered alike, and no answer names or
/// describes a hidden row. Reads never carry the id of a row the reader may not see.
/// </summary>
public sealed class ConfidentialWritesTests
{
    private const string Offer = """{"id":"ID","donor":"PL","item":"155mm-shell","quantity":1,"available":"2026-01","transit_months":0,"recipients":"*"}""";

    /// <summary>
    /// The answer's status and problems with <paramref name="id"/> written as ID, to compare answers about two ids.
    /// </summary>
    private static async Task<(HttpStatusCode Status, string Body)> AnswerAsync(
        Task<HttpResponseMessage> call, string id)
    {
        using var response = await call;
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = string.Join("\n",
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
        return (response.StatusCode,
            $"{problem.GetProperty("detail").GetString()}\n{errors}".Replace(id, "ID", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Adding_a_row_under_another_nations_hidden_id_is_answered_as_for_a_free_one()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        using var desk = web.Client("pl-desk");
        var hiddenOffer =
            (await Items(coord, "offers")).First(
                o => o.GetProperty("donor").GetString() == "US" && o.GetProperty("released").GetString() == "no")
            .GetProperty("id").GetString()!;
        var hiddenPledge = (await Items(coord, "pledges")).First(p => p.GetProperty("donor").GetString() == "DE");
        var pledge = hiddenPledge.ToString().Replace("\"donor\":\"DE\"", "\"donor\":\"PL\"", StringComparison.Ordinal)
            .Replace($"\"year\":{hiddenPledge.GetProperty("year").GetInt32()}", "\"year\":2031",
                StringComparison.Ordinal);
        var hiddenPledgeId = hiddenPledge.GetProperty("id").GetString()!;

        var offerTaken =
            await AnswerAsync(
                Send(desk, HttpMethod.Post, "/api/v1/offers",
                    Offer.Replace("ID", hiddenOffer, StringComparison.Ordinal)), hiddenOffer);
        var offerFree =
            await AnswerAsync(
                Send(desk, HttpMethod.Post, "/api/v1/offers",
                    Offer.Replace("ID", "US-O9999", StringComparison.Ordinal)), "US-O9999");
        var pledgeTaken = await AnswerAsync(Send(desk, HttpMethod.Post, "/api/v1/pledges", pledge), hiddenPledgeId);
        var pledgeFree =
            await AnswerAsync(
                Send(desk, HttpMethod.Post, "/api/v1/pledges",
                    pledge.Replace(hiddenPledgeId, "WS24-ZZ", StringComparison.Ordinal)), "WS24-ZZ");

        offerTaken.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        offerTaken.ShouldBe(offerFree);
        pledgeTaken.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        pledgeTaken.ShouldBe(pledgeFree);
        pledgeTaken.Body.ShouldContain("begins with your nation's code: \"PL-");
        pledgeTaken.Body.ShouldNotContain("DE", Case.Sensitive); // neither the other pledge's donor ...
        pledgeTaken.Body.ShouldNotContain(hiddenPledge.GetProperty("announced_on").GetString()!); // ... nor its date
        (await Send(desk, HttpMethod.Post, "/api/v1/offers",
            Offer.Replace("ID", "PL-O9999", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_link_to_a_hidden_contribution_is_answered_as_a_link_to_none()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        using var desk = web.Client("pl-desk");
        var hidden = (await Items(coord, "contributions")).First(c => c.GetProperty("donor").GetString() != "PL")
            .GetProperty("id").GetString()!;
        const string Row = """{"id":"PL-C9","donor":"PL","recipient":"UA","value_date":"2025-05-01","aid_type":"military","category":"equipment","channel":"bilateral","amount":"10","currency":"EUR","valuation":"cash","source":"s","funded_by":"LINK"}""";

        var toHidden =
            await AnswerAsync(
                Send(desk, HttpMethod.Post, "/api/v1/contributions",
                    Row.Replace("LINK", hidden, StringComparison.Ordinal)), hidden);
        var toNone =
            await AnswerAsync(
                Send(desk, HttpMethod.Post, "/api/v1/contributions",
                    Row.Replace("LINK", "NO-SUCH-9", StringComparison.Ordinal)), "NO-SUCH-9");

        toHidden.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        toHidden.ShouldBe(toNone);
        toHidden.Body.ShouldContain("no contribution \"ID\"");
    }

    [Fact]
    public async Task An_officer_reads_deliveries_without_the_ids_of_offers_hidden_from_it()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        using var officer = web.Client("ua-officer");
        var offers = (await Items(coord, "offers")).ToDictionary(o => o.GetProperty("id").GetString()!);
        var toUa = (await Items(coord, "deliveries")).Where(d => d.GetProperty("recipient").GetString() == "UA")
            .ToArray();
        var hiddenOffer = toUa.Select(d => d.GetProperty("offer").GetString()!)
            .First(id => offers[id].GetProperty("released").GetString() == "no");

        var seen = await Items(officer, "deliveries");
        var body = await (await officer.GetAsync("/api/v1/deliveries?pageSize=500")).Content.ReadAsStringAsync();
        var download = await officer.GetStringAsync("/Ledger/deliveries?handler=Download&format=csv");

        seen.Length.ShouldBe(toUa.Length);
        body.ShouldNotContain(hiddenOffer);
        download.ShouldNotContain(hiddenOffer);
        foreach (var offer in seen.Select(d => d.GetProperty("offer").GetString()!).Where(o => o.Length > 0))
            (await officer.GetAsync($"/api/v1/offers/{offer}")).StatusCode.ShouldBe(HttpStatusCode.OK, offer);
        seen.ShouldContain(d => d.GetProperty("offer").GetString() == "");
    }

    [Fact]
    public async Task A_control_character_sent_through_the_api_is_refused_and_stores_nothing()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = web.Client("pl-desk");
        var before = await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger);
        var row = Offer.Replace("ID", "PL-O9998", StringComparison.Ordinal)
            .Replace("}", ""","conditions":"a\u0000b"}""", StringComparison.Ordinal);

        using var response = await Send(desk, HttpMethod.Post, "/api/v1/offers", row);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain(
            "control character U+0000 at character 2");
        (await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }
}
