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
        { "a lone high surrogate", "{\"code\":\"\\ud800\",\"name\":\"x\",\"role\":\"ally\",\"currency\":\"EUR\"}"u8.ToArray() },
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
            ("PROPFIND", "/api/v1/offers"), ("TRACE", "/api/v1/offers/PL-O0001"), ("PATCH", "/api/v1/offers/PL-O0001"), ("MKCOL", "/api/v1/nations"),
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
}
