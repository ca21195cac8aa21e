using System.Net;
using Microsoft.Extensions.Logging;
using Mainstay.Web.Hosting;
using Mainstay.Web.Tests.Pages;

namespace Mainstay.Web.Tests.Hosting;

/// <summary>
/// The security log records sign-ins, failures, sign-outs, token use by id (never the secret) and refused requests.
/// </summary>
public sealed class SecurityLogTests
{
    [Fact]
    public async Task Sign_ins_failures_token_use_and_refusals_are_logged_without_secrets()
    {
        var log = new LogCapture();
        await using var web = await WebApp.StartAsync("sqlite", new WebOptions { AlsoLogTo = log });
        using var desk = web.Client("pl-desk");
        using var anyone = web.Client();
        var tokenId = web.TokenOf("pl-desk").Split('_')[1];

        using var page = await PageClient.SignInAsync(web, "ua-officer");
        using var failed = new HttpClient(
            new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = web.BaseAddress };
        var token = PageClient.TokenIn(await failed.GetStringAsync("/SignIn"));
        await failed.PostAsync("/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = "coord\nforged line", ["password"] = "wrong password",
        }));
        (await desk.GetAsync("/api/v1/offers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.PutAsync("/api/v1/requirements/UA-R0001",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anyone.GetAsync("/api/v1/offers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await page.PostAsync("/", "/SignIn?handler=SignOut", []);

        log.Security("SignedIn").Single().Message.ShouldBe("ua-officer signed in from 127.0.0.1");
        log.Security("SignInFailed").Single().Message.ShouldBe("failed sign-in as coord?forged line from 127.0.0.1");
        log.Security("TokenUsed")
            .ShouldContain(e => e.Message == $"API token {tokenId} of pl-desk: GET /api/v1/offers from 127.0.0.1");
        var refused = log.Security("RequestRefused").Select(e => e.Message).ToArray();
        refused.ShouldContain("403 for PUT /api/v1/requirements/UA-R0001 by pl-desk from 127.0.0.1");
        refused.ShouldContain("401 for GET /api/v1/offers by - from 127.0.0.1");
        refused.ShouldContain("401 for POST /SignIn by - from 127.0.0.1");
        log.Security("RequestRefused").ShouldAllBe(e => e.Level == LogLevel.Warning);
        log.Security("SignedOut").Single().Message.ShouldBe("ua-officer signed out from 127.0.0.1");
        log.Entries.ShouldAllBe(
            e => !e.Message.Contains(web.TokenOf("pl-desk")) && !e.Message.Contains(WebApp.Password)
                && !e.Message.Contains("wrong password"));
    }

    [Fact]
    public async Task A_cookie_only_api_write_refused_with_401_is_logged_with_the_cookies_user()
    {
        var log = new LogCapture();
        await using var web = await WebApp.StartAsync("sqlite", new WebOptions { AlsoLogTo = log });
        using var page = await PageClient.SignInAsync(web, "pl-desk");

        var response = await page.Http.PostAsync("/api/v1/offers",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        log.Security("RequestRefused").Select(e => e.Message)
            .ShouldContain("401 for POST /api/v1/offers by pl-desk from 127.0.0.1");
    }

    [Fact]
    public async Task A_ledger_that_cannot_be_opened_is_logged_as_an_error_once_per_request()
    {
        var log = new LogCapture();
        await using var web = await WebApp.StartAsync("sqlite", new WebOptions { AlsoLogTo = log });
        using var coord = web.Client("coord");
        File.Delete(web.Ledger.DbArgument);

        var response = await coord.GetAsync("/api/v1/offers");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
            .GetProperty("detail").GetString().ShouldBe("the ledger cannot be opened; see the server's log");
        var logged = log.Entries.Where(e => e.EventName == "LedgerUnavailable").ShouldHaveSingleItem();
        logged.Level.ShouldBe(LogLevel.Error);
        logged.Category.ShouldBe(typeof(LedgerConnections).FullName);
        logged.Message.ShouldBe($"the ledger {web.Ledger.DbArgument} cannot be opened: no Mainstay ledger here; "
            + "create one with 'mainstay init' or by importing into it");
    }
}
