using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

using static Mainstay.Web.Tests.Api.ApiCalls;

namespace Mainstay.Web.Tests.Api;

/// <summary>Every ledger endpoint tried as every role: what each may see and change, enforced on the server.</summary>
public sealed class AccessMatrixTests
{
    private static readonly string[] Tables =
        ["nations", "gdp", "items", "requirements", "offers", "pledges", "coalitions", "exchange-rates", "annual-rates",
            "baselines", "contributions", "deliveries", "funds", "procurement"];

    // Which tables each caller may list (else 404: for them the table does not exist; the public
    // gets 401 instead, since signing in would show it).
    private static readonly Dictionary<string, string[]> Listable = new()
    {
        ["public"] = ["nations", "gdp", "items", "coalitions", "exchange-rates", "annual-rates", "baselines"],
        ["coord"] = Tables,
        ["auditor"] = Tables,
        ["pl-desk"] = ["nations", "gdp", "items", "requirements", "offers", "pledges", "coalitions", "exchange-rates",
            "annual-rates", "baselines", "contributions", "funds", "procurement"],
        ["ua-officer"] = ["nations", "gdp", "items", "requirements", "offers", "pledges", "coalitions",
            "exchange-rates", "annual-rates", "baselines", "contributions", "deliveries", "funds", "procurement"],
    };

    [Fact]
    public async Task Each_role_lists_what_it_may_and_no_more()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        foreach (var (who, allowed) in Listable)
        {
            using var client = web.Client(who == "public" ? null : who);
            foreach (var table in Tables)
            {
                var response = await client.GetAsync($"/api/v1/{table}?pageSize=500");
                response.StatusCode.ShouldBe(
                    allowed.Contains(table) ? HttpStatusCode.OK
                        : who == "public" ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound, $"{who} {table}");
            }
        }
    }

    [Fact]
    public async Task A_donor_desk_changes_only_its_own_offers_sees_the_released_ones_and_others_do_not_exist_for_it()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = web.Client("pl-desk");
        using var coord = web.Client("coord");
        var all = await Items(coord, "offers");
        var own = all.First(o => o.GetProperty("donor").GetString() == "PL");
        var other = all.First(
            o => o.GetProperty("donor").GetString() == "DE" && o.GetProperty("released").GetString() == "no");
        var released = all.First(
            o => o.GetProperty("donor").GetString() == "DE" && o.GetProperty("released").GetString() == "yes");

        var seen = await Items(desk, "offers");
        var otherRead = await desk.GetAsync($"/api/v1/offers/{other.GetProperty("id").GetString()}");
        var otherWrite = await Send(desk, HttpMethod.Put, $"/api/v1/offers/{other.GetProperty("id").GetString()}",
            other.ToString(), "\"x\"");
        var releasedRead = await desk.GetAsync($"/api/v1/offers/{released.GetProperty("id").GetString()}");
        var releasedWrite = await Send(desk, HttpMethod.Put, $"/api/v1/offers/{released.GetProperty("id").GetString()}",
            released.ToString(), releasedRead.Headers.ETag!.Tag);
        var ownRead = await desk.GetAsync($"/api/v1/offers/{own.GetProperty("id").GetString()}");
        var ownWrite = await Send(desk, HttpMethod.Put, $"/api/v1/offers/{own.GetProperty("id").GetString()}",
            own.ToString()
                .Replace($"\"quantity\":{own.GetProperty("quantity").GetInt64()}", "\"quantity\":7",
                    StringComparison.Ordinal), ownRead.Headers.ETag!.Tag);
        var giveAway = await Send(desk, HttpMethod.Put, $"/api/v1/offers/{own.GetProperty("id").GetString()}",
            own.ToString().Replace("\"donor\":\"PL\"", "\"donor\":\"DE\"", StringComparison.Ordinal),
            ownWrite.Headers.ETag?.Tag ?? "\"x\"");
        var forOthers = await Send(desk, HttpMethod.Post, "/api/v1/offers", """{"id":"DE-NEW","donor":"DE","item":"155mm-shell","quantity":1,"available":"2026-01","transit_months":0,"recipients":"*"}""");
        var requirement = await Send(desk, HttpMethod.Put, "/api/v1/requirements/UA-R0001", "{}", "\"x\"");

        seen.ShouldNotBeEmpty();
        seen.ShouldAllBe(
            o => o.GetProperty("donor").GetString() == "PL" || o.GetProperty("released").GetString() == "yes");
        seen.Count(o => o.GetProperty("donor").GetString() == "PL")
            .ShouldBe(all.Count(o => o.GetProperty("donor").GetString() == "PL"));
        seen.Length.ShouldBe(
            all.Count(
                o => o.GetProperty("donor").GetString() == "PL" || o.GetProperty("released").GetString() == "yes"));
        otherRead.StatusCode.ShouldBe(HttpStatusCode.NotFound); // unreleased: not even its existence is given away
        otherWrite.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        releasedRead.StatusCode.ShouldBe(HttpStatusCode.OK);
        releasedWrite.StatusCode.ShouldBe(HttpStatusCode.Forbidden); // seen, to coordinate; not the desk's to change
        ownWrite.StatusCode.ShouldBe(HttpStatusCode.OK, await ownWrite.Content.ReadAsStringAsync());
        giveAway.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        forOthers.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        requirement.StatusCode.ShouldBe(
            HttpStatusCode.Forbidden); // requirements are visible to donors, not theirs to change
    }

    [Fact]
    public async Task A_recipient_officer_keeps_its_own_requirements_an_auditor_reads_all_and_the_public_changes_nothing()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var officer = web.Client("ua-officer");
        using var auditor = web.Client("auditor");
        using var anyone = web.Client();

        (await Items(officer, "requirements")).ShouldAllBe(r => r.GetProperty("recipient").GetString() == "UA");
        var offers = await Items(officer, "offers"); // released offers that may go to Ukraine, and no other
        offers.ShouldNotBeEmpty();
        offers.ShouldAllBe(o => o.GetProperty("released").GetString() == "yes"
            && (o.GetProperty("recipients").GetString() == "*"
                || o.GetProperty("recipients").GetString()!.Split(';', StringSplitOptions.None).Contains("UA")));
        (await officer.GetAsync("/api/v1/requirements/MD-R0002")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var read = await officer.GetAsync("/api/v1/requirements/UA-R0001");
        var row = await read.Content.ReadAsStringAsync();
        (await Send(officer, HttpMethod.Put, "/api/v1/requirements/UA-R0001", row,
            read.Headers.ETag!.Tag)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(auditor, HttpMethod.Put, "/api/v1/requirements/UA-R0001", row, "\"x\"")).StatusCode.ShouldBe(
            HttpStatusCode.Forbidden);
        (await Items(auditor, "offers")).Select(o => o.GetProperty("donor").GetString()).Distinct().Count()
            .ShouldBeGreaterThan(5);
        (await Send(anyone, HttpMethod.Post, "/api/v1/nations",
            """{"code":"XK","name":"Kosovo","role":"partner","currency":"EUR"}""")).StatusCode.ShouldBe(
                HttpStatusCode.Unauthorized);
        (await Send(anyone, HttpMethod.Put, "/api/v1/offers/anything", "{}", "\"x\"")).StatusCode.ShouldBe(
            HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_bad_revoked_or_expired_token_is_refused_not_taken_for_the_public()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var forged = new HttpClient { BaseAddress = web.BaseAddress };
        forged.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer mst_000000000000_forged");
        using var coord = web.Client("coord");

        var response = await forged.GetAsync("/api/v1/nations");
        (await coord.GetAsync("/api/v1/nations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        web.Ledger.Clock.Now = web.Ledger.Clock.Now.AddDays(31);
        var expired = await coord.GetAsync("/api/v1/nations");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await expired.Content.ReadAsStringAsync()).ShouldContain("expired on");
    }

    [Fact]
    public async Task A_donor_desk_keeps_its_own_funds_sees_the_released_ones_and_no_pledge_or_fund_hidden_from_it()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = web.Client("pl-desk");
        using var coord = web.Client("coord");
        var all = await Items(coord, "funds");
        static string Id(JsonElement row) => row.GetProperty("id").GetString()!;
        static string Cell(JsonElement row, string column) => row.GetProperty(column).GetString()!;
        var own = all.First(f => Cell(f, "donor") == "PL");
        var hidden = all.First(f => Cell(f, "donor") == "DE" && Cell(f, "released") == "no");
        var released = all.First(f => Cell(f, "donor") == "DE" && Cell(f, "released") == "yes");
        Cell(released, "pledge").ShouldNotBeEmpty();

        var seen = await Items(desk, "funds");
        var hiddenRead = await desk.GetAsync($"/api/v1/funds/{Id(hidden)}");
        var hiddenWrite = await Send(desk, HttpMethod.Put, $"/api/v1/funds/{Id(hidden)}", hidden.ToString(), "\"x\"");
        var hiddenRemove = await Send(desk, HttpMethod.Delete, $"/api/v1/funds/{Id(hidden)}", "", "\"x\"");
        var releasedRead = await desk.GetAsync($"/api/v1/funds/{Id(released)}");
        var releasedWrite = await Send(desk, HttpMethod.Put, $"/api/v1/funds/{Id(released)}",
            await releasedRead.Content.ReadAsStringAsync(), releasedRead.Headers.ETag!.Tag);
        var ownRead = await desk.GetAsync($"/api/v1/funds/{Id(own)}");
        var ownWrite = await Send(desk, HttpMethod.Put, $"/api/v1/funds/{Id(own)}",
            own.ToString().Replace($"\"amount_eur\":{own.GetProperty("amount_eur").GetInt64()}",
                "\"amount_eur\":41000000", StringComparison.Ordinal), ownRead.Headers.ETag!.Tag);
        string NewFund(string pledge) => $$"""{"id":"PL-NEW","donor":"PL","amount_eur":1000,"available":"2026-01","items":"*","recipients":"UA","pledge":"{{pledge}}","released":"no"}""";
        var othersPledge = await Send(desk, HttpMethod.Post, "/api/v1/funds", NewFund(Cell(released, "pledge")));
        var noPledge = await Send(desk, HttpMethod.Post, "/api/v1/funds", NewFund("XX-NO-SUCH"));
        var othersId = await Send(desk, HttpMethod.Post, "/api/v1/funds",
            NewFund("").Replace("\"PL-NEW\"", $"\"{Id(hidden)}\"", StringComparison.Ordinal));
        var noId = await Send(desk, HttpMethod.Post, "/api/v1/funds",
            NewFund("").Replace("\"PL-NEW\"", "\"DE-NO-SUCH-FUND\"", StringComparison.Ordinal));
        var option = await Send(desk, HttpMethod.Post, "/api/v1/procurement",
            """{"id":"PL-OPT","supplier":"PL-industry","item":"155mm-shell","unit_price_eur":1,"first_order":"2026-01","last_order":"2026-01","lead_months":0,"monthly_capacity":1}""");

        seen.Select(Id).Order().ShouldBe(all.Where(f => Cell(f, "donor") == "PL" || Cell(f, "released") == "yes")
            .Select(Id).Order());
        seen.Single(f => Id(f) == Id(own)).GetProperty("pledge").GetString().ShouldBe(Cell(own, "pledge"));
        seen.Single(f => Id(f) == Id(released)).GetProperty("pledge").GetString()
            .ShouldBeEmpty(); // another donor's pledge: its id reads as empty
        (await releasedRead.Content.ReadAsStringAsync()).ShouldNotContain(Cell(released, "pledge"));
        hiddenRead.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        hiddenWrite.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        hiddenRemove.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        releasedWrite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ownWrite.StatusCode.ShouldBe(HttpStatusCode.OK, await ownWrite.Content.ReadAsStringAsync());
        // Another donor's pledge is answered as one that does not exist, word for word.
        var othersText = await othersPledge.Content.ReadAsStringAsync();
        var noText = await noPledge.Content.ReadAsStringAsync();
        othersPledge.StatusCode.ShouldBe(noPledge.StatusCode);
        othersPledge.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, othersText);
        static string Problem(string text, string pledge) =>
            JsonNode.Parse(text.Replace(pledge, "P", StringComparison.Ordinal))!.AsObject() is var problem
            && problem.Remove("traceId") // each request's own
                ? problem.ToJsonString()
                : throw new InvalidOperationException($"a problem without a traceId: {text}");
        Problem(othersText, Cell(released, "pledge")).ShouldBe(Problem(noText, "XX-NO-SUCH"));
        // Another donor's id prefix is refused the same whether a fund has that id or not.
        var othersIdText = await othersId.Content.ReadAsStringAsync();
        othersId.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, othersIdText);
        Problem(othersIdText, Id(hidden)).ShouldBe(Problem(await noId.Content.ReadAsStringAsync(), "DE-NO-SUCH-FUND"));
        option.StatusCode.ShouldBe(HttpStatusCode.Forbidden); // options are the coordinators' to write
        (await Items(desk, "procurement")).Length.ShouldBe((await Items(coord, "procurement")).Length);
    }

    [Fact]
    public async Task A_recipient_officer_sees_the_released_funds_for_its_nation_and_writes_no_fund_or_option()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var officer = web.Client("ua-officer");
        using var auditor = web.Client("auditor");
        using var coord = web.Client("coord");
        var all = await Items(coord, "funds");

        var seen = await Items(officer, "funds");
        var audited = await Items(auditor, "funds");
        var fund = seen.First();
        var read = await officer.GetAsync($"/api/v1/funds/{fund.GetProperty("id").GetString()}");
        var write = await Send(officer, HttpMethod.Put, $"/api/v1/funds/{fund.GetProperty("id").GetString()}",
            await read.Content.ReadAsStringAsync(), read.Headers.ETag!.Tag);
        var auditorWrite = await Send(auditor, HttpMethod.Put, $"/api/v1/funds/{fund.GetProperty("id").GetString()}",
            fund.ToString(), "\"x\"");
        var option = (await Items(coord, "procurement")).First();
        var optionWrite = await Send(officer, HttpMethod.Put,
            $"/api/v1/procurement/{option.GetProperty("id").GetString()}", option.ToString(), "\"x\"");

        seen.ShouldNotBeEmpty();
        seen.ShouldAllBe(f => f.GetProperty("released").GetString() == "yes"
            && (f.GetProperty("recipients").GetString() == "*"
                || f.GetProperty("recipients").GetString()!.Split(';', StringSplitOptions.None).Contains("UA")));
        seen.Length.ShouldBe(all.Count(f => f.GetProperty("released").GetString() == "yes"
            && (f.GetProperty("recipients").GetString() == "*"
                || f.GetProperty("recipients").GetString()!.Split(';', StringSplitOptions.None).Contains("UA"))));
        audited.Length.ShouldBe(all.Length);
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        auditorWrite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        optionWrite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Items(officer, "procurement")).Length.ShouldBeGreaterThan(0);
    }

    // The demo's funds not released (PL-CZAMMO-2025 is the pl-desk's own).
    private static readonly string[] Unreleased =
        ["DK-PURL-2025-2", "CA-CZAMMO-2025", "DE-CZAMMO-2025", "PL-CZAMMO-2025"];

    [Fact]
    public async Task Each_role_reads_the_funds_report_and_the_purchases_as_far_as_it_may_and_nothing_more_leaks()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        var json = new Dictionary<string, (JsonElement Report, HttpResponseMessage Purchases)>();
        foreach (var who in new[] { "public", "coord", "auditor", "pl-desk", "ua-officer" })
        {
            using var client = web.Client(who == "public" ? null : who);
            json[who] = (await ProcurementApiTests.Json(client, "/api/v1/reports/funds"),
                await client.GetAsync("/api/v1/purchases?pageSize=500"));
        }
        static JsonElement[] Funds(JsonElement report) => [.. report.GetProperty("funds").EnumerateArray()];
        static string Id(JsonElement e) => e.GetProperty("id").GetString()!;
        static async Task<JsonElement[]> Purchases(HttpResponseMessage response) =>
            [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items")
                .EnumerateArray().Select(e => e.Clone())];
        var all = await Purchases(json["coord"].Purchases);
        var released = Funds(json["coord"].Report).Select(Id).Except(Unreleased).ToArray();
        var uaRequirements = (await Items(web.Client("ua-officer"), "requirements")).Select(Id).ToHashSet();

        // Coordinators and auditors: everything.
        foreach (var who in new[] { "coord", "auditor" })
        {
            Funds(json[who].Report).Length.ShouldBe(11, who);
            json[who].Purchases.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Purchases(json[who].Purchases)).Length.ShouldBe(all.Length);
        }
        // The public: the released funds' totals, no earmark, no purchases; no purchases list at all.
        var publicFunds = Funds(json["public"].Report);
        publicFunds.Select(Id).ShouldBe(released);
        publicFunds.ShouldAllBe(f => f.GetProperty("items").ValueKind == JsonValueKind.Null
            && f.GetProperty("purchases").ValueKind == JsonValueKind.Null
            && f.GetProperty("next").ValueKind == JsonValueKind.Null);
        json["public"].Report.GetProperty("forOwnRequirements").GetArrayLength().ShouldBe(0);
        json["public"].Purchases.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // A donor desk: its own fund whole, the released ones' totals and earmark, and only its own fund's purchases.
        var deskFunds = Funds(json["pl-desk"].Report);
        deskFunds.Select(Id).ShouldBe(released.Append("PL-CZAMMO-2025").Order(StringComparer.Ordinal));
        deskFunds.ShouldAllBe(f => (f.GetProperty("purchases").ValueKind == JsonValueKind.Array)
            == (f.GetProperty("id").GetString() == "PL-CZAMMO-2025"));
        var deskPurchases = await Purchases(json["pl-desk"].Purchases);
        deskPurchases.Select(p => p.ToString()).ShouldBe(all
            .Where(p => p.GetProperty("fundId").GetString() == "PL-CZAMMO-2025").Select(p => p.ToString()));
        // A recipient officer: released funds' totals, and the purchases for its requirements, the fund named only
        // when released.
        var officer = json["ua-officer"].Report;
        Funds(officer).Select(Id).ShouldBe(released);
        Funds(officer).ShouldAllBe(f => f.GetProperty("purchases").ValueKind == JsonValueKind.Null);
        var officerPurchases = await Purchases(json["ua-officer"].Purchases);
        var forUa = all.Where(p => uaRequirements.Contains(p.GetProperty("requirementId").GetString()!)).ToArray();
        officerPurchases.Length.ShouldBe(forUa.Length);
        officer.GetProperty("forOwnRequirements").GetArrayLength().ShouldBe(forUa.Length);
        for (var i = 0; i < forUa.Length; i++)
        {
            var fund = forUa[i].GetProperty("fundId").GetString()!;
            officerPurchases[i].GetProperty("fundId").GetString().ShouldBe(Unreleased.Contains(fund) ? null : fund);
        }
        // Nothing names a fund hidden from the caller: not the answers, nor what filtering on one counts.
        foreach (var who in new[] { "public", "pl-desk", "ua-officer" })
        {
            var hidden = Unreleased.Where(f => who != "pl-desk" || f != "PL-CZAMMO-2025").ToArray();
            var text = json[who].Report.ToString() + await json[who].Purchases.Content.ReadAsStringAsync();
            foreach (var fund in hidden)
                text.ShouldNotContain(fund, Case.Sensitive, who);
        }
        using var ua = web.Client("ua-officer");
        var byHidden = await ua.GetStringAsync("/api/v1/purchases?fund_id=DE-CZAMMO-2025");
        var byNone = await ua.GetStringAsync("/api/v1/purchases?fund_id=NO-SUCH-FUND");
        JsonDocument.Parse(byHidden).RootElement.GetProperty("total").GetInt32().ShouldBe(0);
        byHidden.Replace("DE-CZAMMO-2025", "", StringComparison.Ordinal).ShouldBe(byNone.Replace(
            "NO-SUCH-FUND", "", StringComparison.Ordinal));
    }
}
