using System.Net;
using Mainstay.Web.Hosting;
using Mainstay.Web.Tests.Pages;

namespace Mainstay.Web.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy, the usual deployment: forwarded headers believed from the configured
/// proxies only, the cookie Secure and HSTS sent when the client came over HTTPS, requests for
/// other host names refused; and everywhere no cache keeps a response and no Server header.
/// </summary>
public sealed class DeploymentTests
{
    private static readonly WebOptions BehindLocalProxy = new() { KnownProxies = [IPNetwork.Parse("127.0.0.1/32")] };

    [Fact]
    public async Task From_a_known_proxy_https_makes_the_cookie_secure_and_sends_hsts_and_the_client_address_is_believed()
    {
        var log = new LogCapture();
        await using var web = await WebApp.StartAsync("sqlite", BehindLocalProxy with { AlsoLogTo = log });

        var (signIn, form) = await SignInOverForwardedHttpsAsync(web, "pl-desk", WebApp.Password);
        await SignInOverForwardedHttpsAsync(web, "pl-desk", "not the password");

        form.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.GetValues("Set-Cookie")
            .ShouldContain(c => c.StartsWith("mainstay=") && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        log.Security("SignedIn").Single().Message.ShouldBe("pl-desk signed in from 203.0.113.7");
        log.Security("SignInFailed").Single().Message.ShouldBe("failed sign-in as pl-desk from 203.0.113.7");
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_headers_are_ignored()
    {
        var log = new LogCapture();
        await using var web = await WebApp.StartAsync("sqlite", new WebOptions { AlsoLogTo = log });

        var (signIn, form) = await SignInOverForwardedHttpsAsync(web, "pl-desk", WebApp.Password);

        form.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.GetValues("Set-Cookie")
            .ShouldContain(c => c.StartsWith("mainstay=") && !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        log.Security("SignedIn").Single().Message.ShouldBe("pl-desk signed in from 127.0.0.1");
    }

    [Fact]
    public async Task Only_the_allowed_host_names_are_served()
    {
        await using var web = await WebApp.StartAsync("sqlite",
            new WebOptions { AllowedHosts = ["mainstay.example.org"] });
        using var client = web.Client();

        var allowed =
            await client.SendAsync(
                new HttpRequestMessage(HttpMethod.Get,
                    "/api/v1/nations") { Headers = { Host = "mainstay.example.org" } });
        var other =
            await client.SendAsync(
                new HttpRequestMessage(HttpMethod.Get, "/api/v1/nations") { Headers = { Host = "attacker.example" } });

        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task No_response_with_data_may_be_cached_and_none_names_the_server()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        using var desk = await PageClient.SignInAsync(web, "pl-desk");

        var responses = new[]
        {
            await coord.GetAsync("/api/v1/offers"),
            await coord.GetAsync("/api/v1/offers/no-such-offer"),
            await coord.GetAsync("/api/v1/reports/burden-sharing"),
            await desk.Http.GetAsync("/Ledger/offers?handler=Download&format=csv"),
            await desk.Http.GetAsync("/Ledger/offers?handler=Download&format=xlsx"),
            await desk.Http.GetAsync("/Ledger/offers"),
        };

        foreach (var response in responses)
        {
            var what = response.RequestMessage!.RequestUri!.PathAndQuery;
            response.Headers.CacheControl!.NoStore.ShouldBeTrue(what);
            response.Headers.Contains("Server").ShouldBeFalse(what);
        }
        responses[3].Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull();
    }

    /// <summary>
    /// Signs in as a proxy would pass it on: client 203.0.113.7 over HTTPS, the cookies carried by hand (they are
    /// Secure).
    /// </summary>
    private static async Task<(HttpResponseMessage SignIn, HttpResponseMessage Form)> SignInOverForwardedHttpsAsync(
        WebApp web, string user, string password)
    {
        using var client = new HttpClient(
            new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var form = await client.GetAsync("/SignIn");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        var token = PageClient.TokenIn(await form.Content.ReadAsStringAsync());
        var request = new HttpRequestMessage(HttpMethod.Post, "/SignIn")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["name"] = user,
                    ["password"] = password }),
        };
        request.Headers.Add("Cookie", string.Join("; ", antiforgery));
        return (await client.SendAsync(request), form);
    }
}
