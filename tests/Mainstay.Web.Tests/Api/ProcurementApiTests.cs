using System.Net;
using System.Text.Json;

namespace Mainstay.Web.Tests.Api;

/// <summary>The current plan's purchases and the funds report over real HTTP, as a coordinator reads them.</summary>
public sealed class ProcurementApiTests
{
    internal static async Task<JsonElement> Json(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_coordinator_reads_every_purchase_and_every_fund_with_what_it_spent_and_has_left()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");

        var report = await Json(coord, "/api/v1/reports/funds");
        var purchases = await Json(coord, "/api/v1/purchases?pageSize=500");
        var page = await Json(coord, "/api/v1/purchases?pageSize=1&page=2");

        var funds = report.GetProperty("funds").EnumerateArray().ToArray();
        funds.Length.ShouldBe(11); // every demo fund, released or not
        funds.Select(f => f.GetProperty("id").GetString()).ShouldBe(
            funds.Select(f => f.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        funds.ShouldAllBe(f => f.GetProperty("spentEur").GetInt64() + f.GetProperty("leftEur").GetInt64()
            == f.GetProperty("amountEur").GetInt64());
        funds.ShouldAllBe(f => f.GetProperty("items").ValueKind == JsonValueKind.String
            && f.GetProperty("purchases").ValueKind == JsonValueKind.Array);
        var items = purchases.GetProperty("items").EnumerateArray().ToArray();
        items.ShouldNotBeEmpty(); // the demo's funds buy what in-kind offers leave short
        purchases.GetProperty("total").GetInt32().ShouldBe(items.Length);
        items.ShouldAllBe(p => p.GetProperty("fundId").GetString() != null);
        // Each fund's purchases are the list's, and cost what it spent.
        foreach (var fund in funds)
        {
            var id = fund.GetProperty("id").GetString();
            var own = fund.GetProperty("purchases").EnumerateArray().ToArray();
            own.Length.ShouldBe(items.Count(p => p.GetProperty("fundId").GetString() == id));
            own.Sum(p => p.GetProperty("costEur").GetInt64()).ShouldBe(fund.GetProperty("spentEur").GetInt64());
            if (fund.GetProperty("leftEur").GetInt64() == 0)
                fund.GetProperty("next").GetArrayLength().ShouldBe(0);
        }
        report.GetProperty("asOf").GetProperty("optimal").ValueKind.ShouldBeOneOf(
            JsonValueKind.True, JsonValueKind.False);
        page.GetProperty("items").EnumerateArray().Single().ToString().ShouldBe(items[1].ToString());
        var requirement = items[0].GetProperty("requirementId").GetString()!;
        (await Json(coord, $"/api/v1/purchases?requirement_id={Uri.EscapeDataString(requirement)}"))
            .GetProperty("total").GetInt32().ShouldBe(
                items.Count(p => p.GetProperty("requirementId").GetString() == requirement));
    }

    [Fact]
    public async Task A_malformed_query_is_refused_with_what_is_wrong_but_the_public_learns_only_to_sign_in()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        using var anyone = web.Client();

        var pageSize = await coord.GetAsync("/api/v1/purchases?pageSize=0");
        var unknown = await coord.GetAsync("/api/v1/purchases?fund=NL-PURL-2025-1");
        var next = await anyone.GetAsync("/api/v1/reports/funds?next=21");
        var publicPurchases = await anyone.GetAsync("/api/v1/purchases?pageSize=0");

        pageSize.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await pageSize.Content.ReadAsStringAsync()).ShouldContain("expected an integer 1..");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain(
            "unknown; use page, pageSize, requirement_id, fund_id");
        next.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await next.Content.ReadAsStringAsync()).ShouldContain("expected an integer 0..20");
        publicPurchases.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await publicPurchases.Content.ReadAsStringAsync()).ShouldNotContain("pageSize");
    }
}
