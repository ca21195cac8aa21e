using System.Net;
using System.Text;
using Mainstay.Data.Tests;
using Mainstay.Web.Tests.Pages;

namespace Mainstay.Web.Tests.Api;

/// <summary>
/// Without credentials the API says how to get them (401, <c>WWW-Authenticate: Bearer</c>, a
/// problem); a signed-in caller is never told what exists beyond what it may see (404). The cookie
/// never makes an API write, however the path is spelled.
/// </summary>
public sealed class AuthChallengeTests
{
    [Fact]
    public async Task The_public_gets_401_with_a_bearer_challenge_where_signing_in_would_show_something()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var anyone = web.Client();
        using var desk = web.Client("pl-desk");

        foreach (var path in new[] { "/api/v1/offers", "/api/v1/offers/PL-O0001", "/api/v1/plans", "/API/V1/pledges" })
        {
            var response = await anyone.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
            response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer", Case.Sensitive, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", path);
            (await response.Content.ReadAsStringAsync()).ShouldContain("personal API token", Case.Sensitive, path);
        }
        (await anyone.GetAsync("/api/v1/no-such-table")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anyone.GetAsync("/api/v1/nations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.GetAsync("/api/v1/deliveries")).StatusCode.ShouldBe(
            HttpStatusCode.NotFound); // signed in: not its table
        (await desk.GetAsync("/api/v1/plans")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var browser = new HttpClient(
            new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        var page = await browser.GetAsync("/Ledger/offers");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect); // pages send a person to the sign-in form
        page.Headers.Location!.ToString().ShouldContain("/SignIn");
    }

    [Theory]
    [InlineData("/API/v1/offers")]
    [InlineData("/Api/V1/offers")]
    [InlineData("/api/v1/offers")]
    public async Task The_sign_in_cookie_makes_no_API_write_however_the_path_is_spelled(string path)
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = await PageClient.SignInAsync(web, "pl-desk");
        var before = await LedgerState.FingerprintAsync(web.Ledger);

        var write = await desk.Http.PostAsync(path, new StringContent(
            """{"id":"PL-O9999","donor":"PL","item":"155mm-shell","quantity":1,"available":"2026-01","transit_months":0,"recipients":"*"}""", Encoding.UTF8, "application/json"));

        write.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, await write.Content.ReadAsStringAsync());
        (await write.Content.ReadAsStringAsync()).ShouldContain("not the sign-in cookie");
        (await LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }
}
