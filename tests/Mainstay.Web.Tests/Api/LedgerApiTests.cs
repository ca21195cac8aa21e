using System.Net;
using System.Text;
using System.Text.Json;
using Mainstay.Data.Tests;

namespace Mainstay.Web.Tests.Api;

/// <summary>/api/v1 through the real HTTP pipeline, on SQLite and PostgreSQL.</summary>
public sealed class LedgerApiTests
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Lists_page_filter_and_sort(string database)
    {
        await using var web = await WebApp.StartAsync(database);
        using var client = web.Client("coord");

        var page =
            await Json(await client.GetAsync("/api/v1/requirements?recipient=MD&sort=-quantity&pageSize=5&page=2"));
        var all = await Json(await client.GetAsync("/api/v1/requirements?recipient=MD&pageSize=500"));

        page.GetProperty("total").GetInt32().ShouldBe(all.GetProperty("items").GetArrayLength());
        var quantities = all.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("quantity").GetInt64())
            .OrderDescending().ToArray();
        page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("quantity").GetInt64())
            .ShouldBe(quantities.Skip(5).Take(5));
        page.GetProperty("items").EnumerateArray().ShouldAllBe(r => r.GetProperty("recipient").GetString() == "MD");
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_change_needs_the_current_ETag_and_a_stale_one_is_refused(string database)
    {
        await using var web = await WebApp.StartAsync(database);
        using var client = web.Client("coord");
        var read = await client.GetAsync("/api/v1/requirements/UA-R0001");
        var etag = read.Headers.ETag!.Tag;
        var row = (await Json(read)).Clone();
        var changed = row.ToString()
            .Replace($"\"priority\":{row.GetProperty("priority").GetInt32()}", "\"priority\":1",
                StringComparison.Ordinal);

        var withoutEtag = await client.PutAsync("/api/v1/requirements/UA-R0001", Body(changed));
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/requirements/UA-R0001") { Content = Body(changed) };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        var first = await client.SendAsync(put);
        var stale = new HttpRequestMessage(HttpMethod.Put,
            "/api/v1/requirements/UA-R0001") { Content = Body(
                changed.Replace("\"priority\":1", "\"priority\":5", StringComparison.Ordinal)) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var second = await client.SendAsync(stale);

        withoutEtag.StatusCode.ShouldBe((HttpStatusCode)428);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        first.Headers.ETag!.Tag.ShouldNotBe(etag);
        (await Json(first)).GetProperty("priority").GetInt32().ShouldBe(1);
        second.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Json(second)).GetProperty("detail").GetString()!.ShouldContain("changed since it was read");
        (await Json(await client.GetAsync("/api/v1/requirements/UA-R0001"))).GetProperty("priority").GetInt32()
            .ShouldBe(1);
        await using var db = await web.Ledger.OpenAsync();
        (await db.ScalarAsync(
            "SELECT actor FROM audit_log WHERE entity = 'requirements' AND entity_key = 'UA-R0001' "
                + "ORDER BY seq DESC LIMIT 1", default)).ShouldBe("coord");
    }

    [Fact]
    public async Task Rows_are_added_and_removed_and_a_duplicate_or_invalid_row_changes_nothing()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var client = web.Client("coord");
        const string row = """{"id":"UA-R9999","recipient":"UA","item":"155mm-shell","quantity":500,"priority":2,"need_by":"2026-03","useful_months":2}""";

        var created = await client.PostAsync("/api/v1/requirements", Body(row));
        var duplicate = await client.PostAsync("/api/v1/requirements", Body(row));
        var before = await LedgerState.FingerprintAsync(web.Ledger);
        var invalid = await client.PostAsync("/api/v1/requirements",
            Body(row.Replace("UA-R9999", "UA-R9998", StringComparison.Ordinal)
                .Replace("\"priority\":2", "\"priority\":9", StringComparison.Ordinal)));
        var unknownNation = await client.PostAsync("/api/v1/requirements",
            Body(row.Replace("UA-R9999", "XX-R1", StringComparison.Ordinal)
                .Replace("\"UA\"", "\"XX\"", StringComparison.Ordinal)));

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().ShouldBe("/api/v1/requirements/UA-R9999");
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = (await Json(invalid)).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString() + ": " + e.GetProperty("message").GetString()).ToArray();
        errors.ShouldBe(["priority: expected an integer 1..5, got \"9\""]);
        unknownNation.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(unknownNation)).GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldStartWith(
            "unknown nation \"XX\"");
        (await LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);

        var remove = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/requirements/UA-R9999");
        remove.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        (await client.SendAsync(remove)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/v1/requirements/UA-R9999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"id\":", "application/json", 400, "the body is not valid JSON")]
    [InlineData("[1,2]", "application/json", 400,
        "expected a JSON object with the columns of requirements, got a JSON array")]
    [InlineData("{\"id\":\"X\",\"colour\":\"red\"}", "application/json", 400, "the body does not fit the table")]
    [InlineData("{\"id\":\"X\",\"quantity\":{\"n\":1}}", "application/json", 400, "the body does not fit the table")]
    [InlineData("id,recipient\nX,UA\n", "text/csv", 415,
        "")] // refused by the route's declared media type, before the handler
    public async Task Bad_bodies_get_a_clear_4xx_and_change_nothing(string body, string type, int status, string detail)
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var client = web.Client("coord");
        var before = await LedgerState.FingerprintAsync(web.Ledger);

        var response = await client.PostAsync("/api/v1/requirements", new StringContent(body, Encoding.UTF8, type));

        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        if (detail.Length > 0)
            (await Json(response)).GetProperty("detail").GetString()!.ShouldStartWith(detail);
        (await LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task An_oversized_body_a_SQL_looking_filter_and_a_script_are_harmless()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var client = web.Client("coord");
        var before = await LedgerState.FingerprintAsync(web.Ledger);

        var huge = await client.PostAsync("/api/v1/requirements",
            Body("{\"id\":\"" + new string('x', 2_000_000) + "\"}"));
        var sql = await client.GetAsync("/api/v1/requirements?recipient=" + Uri.EscapeDataString("UA' OR '1'='1"));
        var unknown = await client.GetAsync("/api/v1/requirements?drop=table");

        huge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        sql.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(sql)).GetProperty("total").GetInt32().ShouldBe(0);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(unknown)).GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("drop");
        (await LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);

        var script = await client.PostAsync("/api/v1/coalitions",
            Body("""{"id":"C-X","name":"<script>alert(1)</script>","capability":"drones","leads":"PL","members":"PL"}"""));
        script.StatusCode.ShouldBe(HttpStatusCode.Created, await script.Content.ReadAsStringAsync());
        var raw = await (await client.GetAsync("/api/v1/coalitions/C-X")).Content.ReadAsStringAsync();
        raw.ShouldNotContain("<script>");
        raw.ShouldContain("\\u003Cscript\\u003E");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_ledger_plan_and_report_endpoints()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var client = web.Client();

        var document = await Json(await client.GetAsync("/openapi/v1.json"));

        document.GetProperty("info").GetProperty("title").GetString().ShouldBe("Mainstay API");
        var paths = document.GetProperty("paths");
        // Each table has its own paths and row schema, generated from its columns.
        paths.TryGetProperty("/api/v1/{table}", out _).ShouldBeFalse();
        paths.GetProperty("/api/v1/offers").GetProperty("get").GetProperty("summary").GetString()
            .ShouldBe("List the offers rows you may see");
        paths.GetProperty("/api/v1/offers/{key}").GetProperty("put").GetProperty("responses")
            .TryGetProperty("412", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/exchange-rates/{key}").GetProperty("get").GetProperty("operationId").GetString()
            .ShouldBe("GetExchangeRatesRow");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var offer = schemas.GetProperty("OffersRow");
        offer.GetProperty("properties").GetProperty("transit_months").GetProperty("type").GetString()
            .ShouldBe("integer");
        offer.GetProperty("properties").GetProperty("released").GetProperty("type").GetString().ShouldBe("string");
        offer.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
        schemas.GetProperty("OffersPage").GetProperty("properties").GetProperty("items").GetProperty("items")
            .GetProperty("$ref")
            .GetString().ShouldBe("#/components/schemas/OffersRow");
        paths.GetProperty("/api/v1/reports/overview").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref")
            .GetString().ShouldBe("#/components/schemas/OverviewReport");
        paths.GetProperty("/api/v1/plans").GetProperty("post").GetProperty("summary").GetString()
            .ShouldBe("Make a new plan of the ledger (coordinators)");
        paths.GetProperty("/api/v1/plans/{id}/allocations").GetProperty("get").GetProperty("responses")
            .TryGetProperty("400", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/reports/burden-sharing").GetProperty("get").GetProperty("description")
            .GetString()!.ShouldContain("gdpYear");
    }
}
