using System.Net;
using Mainstay.Data.Tests;

namespace Mainstay.Web.Tests.Api;

/// <summary>Bodies that are not JSON text and methods nobody serves get a 400 or 405 problem, never a 500.</summary>
public sealed class MalformedRequestTests
{
    public static TheoryData<string, byte[]> Bodies => new()
    {
        { "invalid UTF-8 in a text", [.. "{\"code\":\""u8.ToArray(), 0xff, 0xfe, .. "\"}"u8.ToArray()] },
        { "invalid UTF-8 in a name", [.. "{\""u8.ToArray(), 0xc3, 0x28, .. "\":\"x\"}"u8.ToArray()] },
        { "a lone high surrogate",
            "{\"code\":\"\\ud800\",\"name\":\"x\",\"role\":\"ally\",\"currency\":\"EUR\"}"u8.ToArray() },
        { "a lone low surrogate in a name", "{\"\\udc00\":\"x\"}"u8.ToArray() },
        { "truncated", "{\"code\":\"XK\",\"na"u8.ToArray() },
        { "empty", [] },
    };

    [Theory, MemberData(nameof(Bodies))]
    public async Task A_body_that_is_not_json_text_is_a_400_problem(string what, byte[] body)
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        var before = await LedgerState.FingerprintAsync(web.Ledger);

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        var response = await coord.PostAsync("/api/v1/nations", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, what);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", what);
        (await response.Content.ReadAsStringAsync()).ShouldContain("the body is not valid JSON", Case.Sensitive, what);
        (await LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task Methods_nobody_serves_are_405_problems_with_allow()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        var cases = new[]
        {
            ("TRACE", "/"), ("TRACE", "/SignIn"), ("PROPFIND", "/Ledger/offers"), ("PATCH", "/Audit"), ("DELETE", "/"),
            ("PROPFIND", "/api/v1/offers"), ("TRACE", "/api/v1/offers/PL-O0001"), ("PATCH", "/api/v1/offers/PL-O0001"),
            ("MKCOL", "/api/v1/nations"),
        };

        foreach (var (method, path) in cases)
        {
            var response = await coord.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed, $"{method} {path}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", $"{method} {path}");
            response.Content.Headers.Allow.ShouldNotBeEmpty($"{method} {path}");
            response.Content.Headers.Allow.ShouldNotContain(method, $"{method} {path}");
        }
    }

    [Fact]
    public async Task Get_routes_answer_head_with_the_same_headers_and_no_body()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        (await coord.PostAsync("/api/v1/plans", null)).IsSuccessStatusCode.ShouldBeTrue();

        foreach (var path in new[] { "/api/v1/offers", "/api/v1/nations/UA", "/api/v1/pledges?pageSize=1",
            "/api/v1/plans", "/api/v1/plans/1", "/api/v1/reports/overview" })
        {
            var get = await coord.GetAsync(path);
            var head = await coord.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            head.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            get.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty(path);
            head.Content.Headers.ContentType.ShouldBe(get.Content.Headers.ContentType, path);
            head.Headers.ETag.ShouldBe(get.Headers.ETag, path);
            head.Headers.CacheControl.ShouldBe(get.Headers.CacheControl, path);
        }
    }

    [Theory]
    [InlineData("PUT", "/api/v1/offers", "GET, HEAD, POST")]
    [InlineData("DELETE", "/api/v1/offers", "GET, HEAD, POST")]
    [InlineData("PATCH", "/api/v1/plans", "GET, HEAD, POST")]
    [InlineData("DELETE", "/api/v1/plans", "GET, HEAD, POST")]
    [InlineData("POST", "/api/v1/reports/overview", "GET, HEAD")]
    [InlineData("PUT", "/api/v1/reports/overview", "GET, HEAD")]
    public async Task A_route_refuses_the_methods_it_does_not_serve_with_405_listing_only_its_own(
        string method, string path, string allow)
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        var before = await LedgerState.FingerprintAsync(web.Ledger);

        var response = await coord.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Content.Headers.Allow.Order().ShouldBe(allow.Split(", ").Order());
        (await LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }
}
