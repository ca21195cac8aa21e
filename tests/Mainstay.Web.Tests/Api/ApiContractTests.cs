using System.Net;
using System.Text;
using System.Text.Json;
using Mainstay.Data.Ledger;

namespace Mainstay.Web.Tests.Api;

/// <summary>
/// Real answers of every endpoint, each of its statuses that a demo ledger can give, against the
/// schemas <c>/openapi/v1.json</c> declares for them.
/// </summary>
public sealed class ApiContractTests
{
    private const string Requirement =
        """{"id":"UA-R9999","recipient":"UA","item":"155mm-shell","quantity":500,"priority":2,"need_by":"2026-03","useful_months":2}""";

    private static StringContent Body(string json, string type = "application/json") => new(json, Encoding.UTF8, type);

    [Fact]
    public async Task Every_table_answers_as_its_schemas_say()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        using var anyone = web.Client();
        var contract = await OpenApiContract.LoadAsync(anyone);

        foreach (var kind in LedgerKinds.All)
        {
            var list = $"/api/v1/{kind.Name}";
            var page = (await contract.CheckAsync(await coord.GetAsync($"{list}?pageSize=3"), list))!.Value;
            page.GetProperty("table").GetString().ShouldBe(kind.Name);
            var first = page.GetProperty("items").EnumerateArray().FirstOrDefault();
            if (first.ValueKind != JsonValueKind.Object)
                continue;
            var key = string.Join("/", kind.Columns.Take(kind.KeyColumns)
                .Select(c => Uri.EscapeDataString(Cell(first.GetProperty(c.Name)))));
            var row = await contract.CheckAsync(await coord.GetAsync($"{list}/{key}"), $"{list}/{{key}}");
            row!.Value.GetRawText().ShouldBe(first.GetRawText());
        }
        contract.Checked.Count(c => c is { Method: "get", Status: 200 })
            .ShouldBeGreaterThanOrEqualTo(2 * LedgerKinds.All.Count - 2);

        // The refusals of reads: sign in first, a bad query, a row or table that is not there.
        await contract.CheckAsync(await anyone.GetAsync("/api/v1/offers"), "/api/v1/offers");
        await contract.CheckAsync(await coord.GetAsync("/api/v1/offers?colour=red"), "/api/v1/offers");
        await contract.CheckAsync(await anyone.GetAsync("/api/v1/offers/PL-O0001"), "/api/v1/offers/{key}");
        await contract.CheckAsync(await coord.GetAsync("/api/v1/offers/NO-SUCH"), "/api/v1/offers/{key}");
        await contract.CheckAsync(await web.Client("pl-desk").GetAsync("/api/v1/deliveries"), "/api/v1/deliveries");
        contract.Checked.Select(c => c.Status).Distinct().Order().ShouldBe([200, 400, 401, 404]);
    }

    [Fact]
    public async Task Writes_and_their_refusals_answer_as_the_schemas_say()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        var contract = await OpenApiContract.LoadAsync(coord);
        const string list = "/api/v1/requirements", one = "/api/v1/requirements/{key}";

        var created = await coord.PostAsync(list, Body(Requirement));
        var etag = created.Headers.ETag!.Tag;
        (await contract.CheckAsync(created, list))!.Value.GetProperty("need_by").GetString().ShouldBe("2026-03");
        await contract.CheckAsync(await coord.PostAsync(list, Body(Requirement)), list); // 409
        await contract.CheckAsync(
            await coord.PostAsync(list, Body(Requirement.Replace("\"priority\":2", "\"priority\":9",
            StringComparison.Ordinal).Replace("R9999", "R9998", StringComparison.Ordinal))), list); // 422
        await contract.CheckAsync(await coord.PostAsync(list, Body("[1]")), list); // 400
        await contract.CheckAsync(await coord.PostAsync(list, Body(Requirement, "text/plain")), list); // 415
        await contract.CheckAsync(await web.Client().PostAsync(list, Body(Requirement)), list); // 401
        await contract.CheckAsync(await web.Client("auditor").PostAsync(list, Body(Requirement)), list); // 403
        await contract.CheckAsync(await coord.PostAsync("/api/v1/nonsense", Body("{}")),
            "/api/v1/offers"); // 404, any table's

        var changed = Requirement.Replace("\"quantity\":500", "\"quantity\":400", StringComparison.Ordinal);
        await contract.CheckAsync(await ApiCalls.Send(coord, HttpMethod.Put, $"{list}/UA-R9999", changed), one); // 428
        await contract.CheckAsync(await ApiCalls.Send(coord, HttpMethod.Put, $"{list}/UA-R9999", changed, "\"stale\""),
            one); // 412
        var put = await ApiCalls.Send(coord, HttpMethod.Put, $"{list}/UA-R9999", changed, etag);
        (await contract.CheckAsync(put, one))!.Value.GetProperty("quantity").GetInt64().ShouldBe(400);
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"{list}/UA-R9999");
        delete.Headers.TryAddWithoutValidation("If-Match", put.Headers.ETag!.Tag);
        (await contract.CheckAsync(await coord.SendAsync(delete), one)).ShouldBeNull(); // 204
        await contract.CheckAsync(await coord.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{list}/UA-R9999")),
            one);

        contract.Checked.Where(c => c.Method == "post").Select(c => c.Status).Order()
            .ShouldBe([201, 400, 401, 403, 404, 409, 415, 422]);
        contract.Checked.Where(c => c.Method is "put" or "delete").Select(c => c.Status).Distinct().Order()
            .ShouldBe([200, 204, 404, 412, 428]);
    }

    [Fact]
    public async Task Plans_and_reports_answer_as_their_schemas_say()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        using var anyone = web.Client();
        var contract = await OpenApiContract.LoadAsync(anyone);

        await contract.CheckAsync(await anyone.GetAsync("/api/v1/plans"), "/api/v1/plans"); // 401
        await contract.CheckAsync(await web.Client("pl-desk").GetAsync("/api/v1/plans"), "/api/v1/plans"); // 404
        await contract.CheckAsync(await web.Client("auditor").PostAsync("/api/v1/plans", null), "/api/v1/plans"); // 403
        var made = (await contract.CheckAsync(await coord.PostAsync("/api/v1/plans", null), "/api/v1/plans"))!.Value;
        var again = (await contract.CheckAsync(await coord.PostAsync("/api/v1/plans", null), "/api/v1/plans"))!.Value;
        made.GetProperty("unchanged").GetBoolean().ShouldBeFalse();
        again.GetProperty("unchanged").GetBoolean().ShouldBeTrue();
        await contract.CheckAsync(await coord.GetAsync("/api/v1/plans"), "/api/v1/plans");
        await contract.CheckAsync(await coord.GetAsync("/api/v1/plans/1"), "/api/v1/plans/{id}");
        await contract.CheckAsync(await coord.GetAsync("/api/v1/plans/7"), "/api/v1/plans/{id}");
        var page = (await contract.CheckAsync(await coord.GetAsync("/api/v1/plans/1/allocations?pageSize=5"),
            "/api/v1/plans/{id}/allocations"))!.Value;
        await contract.CheckAsync(await coord.GetAsync("/api/v1/plans/1/allocations?pageSize=0"),
            "/api/v1/plans/{id}/allocations");
        await contract.CheckAsync(await coord.GetAsync("/api/v1/plans/1/changes"),
            "/api/v1/plans/{id}/changes"); // 404: the first

        // Plan 2 after a requirement changed: its changes.
        var requirement = page.GetProperty("items")[0].GetProperty("requirementId").GetString()!;
        var read = await coord.GetAsync($"/api/v1/requirements/{requirement}");
        var row = System.Text.Json.Nodes.JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        row["quantity"] = 1;
        var put = await ApiCalls.Send(coord, HttpMethod.Put, $"/api/v1/requirements/{requirement}", row.ToJsonString(),
            read.Headers.ETag!.Tag);
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        await contract.CheckAsync(await coord.PostAsync("/api/v1/plans", null), "/api/v1/plans");
        var changes =
            (await contract.CheckAsync(await coord.GetAsync("/api/v1/plans/2/changes"),
                "/api/v1/plans/{id}/changes"))!.Value;
        changes.GetProperty("items").EnumerateArray()
            .ShouldContain(c => c.GetProperty("requirementId").GetString() == requirement);

        var overview =
            (await contract.CheckAsync(await anyone.GetAsync("/api/v1/reports/overview"),
                "/api/v1/reports/overview"))!.Value;
        overview.GetProperty("forecast")[0].GetProperty("month").GetString()!.ShouldMatch(@"^\d{4}-\d{2}$");
        const string burden = "/api/v1/reports/burden-sharing";
        await contract.CheckAsync(await anyone.GetAsync(burden + "?year=2025"), burden);
        await contract.CheckAsync(await anyone.GetAsync(burden + "?half=3"), burden); // 400
        await contract.CheckAsync(await anyone.GetAsync(burden + "?year=2019"), burden); // 422

        const string funds = "/api/v1/reports/funds";
        await contract.CheckAsync(await anyone.GetAsync(funds), funds);
        await contract.CheckAsync(await coord.GetAsync(funds + "?next=20"), funds);
        await contract.CheckAsync(await coord.GetAsync(funds + "?next=21"), funds); // 400
        const string purchases = "/api/v1/purchases";
        await contract.CheckAsync(await coord.GetAsync(purchases + "?pageSize=3"), purchases);
        await contract.CheckAsync(await web.Client("ua-officer").GetAsync(purchases), purchases);
        await contract.CheckAsync(await anyone.GetAsync(purchases), purchases); // 401
        await contract.CheckAsync(await coord.GetAsync(purchases + "?page=0"), purchases); // 400

        contract.Checked.Select(c => c.Status).Distinct().Order().ShouldBe([200, 201, 400, 401, 403, 404, 422]);
        // Every path of plans, purchases and reports was checked.
        var documented = contract.Document.GetProperty("paths").EnumerateObject().Select(p => p.Name)
            .Where(p => p.StartsWith("/api/v1/plans", StringComparison.Ordinal)
                || p.StartsWith("/api/v1/reports", StringComparison.Ordinal) || p == "/api/v1/purchases");
        contract.Checked.Select(c => c.Path).Distinct().Order().ShouldBe(documented.Order());
    }

    [Fact]
    public async Task The_contract_rejects_what_does_not_fit()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        var contract = await OpenApiContract.LoadAsync(coord);
        var offer = (await ApiCalls.Items(coord, "offers"))[0];

        contract.ValidateAgainst("OffersRow", offer).ShouldBeEmpty();
        contract.ValidateAgainst("OffersRow",
            Parse(offer.GetRawText().Replace("{", "{\"extra\":\"x\",", StringComparison.Ordinal))).ShouldNotBeEmpty();
        var quantity = offer.GetProperty("quantity").GetInt64();
        contract.ValidateAgainst("OffersRow",
            Parse(offer.GetRawText().Replace($"\"quantity\":{quantity}", $"\"quantity\":\"{quantity}\"",
            StringComparison.Ordinal))).ShouldNotBeEmpty();
        contract.ValidateAgainst("RequirementsRow", offer).ShouldNotBeEmpty();
        contract.ValidateAgainst("AllocationPage", Parse("""{"plan":1,"page":1,"pageSize":1,"total":1,"items":[]}"""))
            .ShouldBeEmpty();
        contract.ValidateAgainst("AllocationPage", Parse("""{"plan":1,"page":1,"pageSize":1,"total":1,"items":[{"requirement_id":"R","offer_id":"O","quantity":1}]}"""))
            .ShouldNotBeEmpty(); // the old casing
        contract.ValidateAgainst("ProblemDetails", Parse("""{"status":"bad"}""")).ShouldNotBeEmpty();
        contract.ValidateAgainst("ProblemDetails", Parse("""{"status":400,"errors":[{"where":"body","field":"id"}]}"""))
            .ShouldNotBeEmpty();
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static string Cell(JsonElement cell) =>
        cell.ValueKind == JsonValueKind.String ? cell.GetString()! : cell.GetRawText();
}
