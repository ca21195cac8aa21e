using System.Net;
using System.Text.RegularExpressions;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// Cookie sign-in for the pages: antiforgery on the form, a rate limit, and the cookie standing for the user
/// everywhere.
/// </summary>
public sealed partial class SignInTests
{
    private static async Task<(HttpClient Client, string Token)> FormAsync(WebApp web)
    {
        var client = new HttpClient(
            new HttpClientHandler { CookieContainer = new CookieContainer(),
                AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        var form = await client.GetStringAsync("/SignIn");
        return (client, AntiforgeryField().Match(form).Groups[1].Value);
    }

    private static FormUrlEncodedContent Form(string token, string name, string password) =>
        new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token, ["name"] = name, ["password"] = password,
    });

    [Fact]
    public async Task A_signed_in_desk_sees_its_own_offers_through_the_cookie_and_a_forged_form_is_refused()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        var (client, token) = await FormAsync(web);
        using var _ = client;

        var forged = await client.PostAsync("/SignIn", Form("forged", "pl-desk", "correct horse battery staple"));
        var wrong = await client.PostAsync("/SignIn", Form(token, "pl-desk", "not the password"));
        var signIn = await client.PostAsync("/SignIn", Form(token, "pl-desk", "correct horse battery staple"));
        var offers = await client.GetStringAsync("/api/v1/offers?pageSize=500");
        var page = await client.GetStringAsync("/");
        // API writes need a personal token: a cookie (which a cross-site form could send along) does not make one.
        var before = await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger);
        var cookieWrite = await client.PostAsync("/api/v1/offers", new StringContent(
            """{"id":"PL-O9999","donor":"PL","item":"155mm-shell","quantity":1,"available":"2026-01","transit_months":0,"recipients":"*"}""", System.Text.Encoding.UTF8, "application/json"));
        var cookiePlan = await client.PostAsync("/api/v1/plans", null);

        token.ShouldNotBeEmpty();
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("Unknown user name or wrong password.");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().ShouldBe("/");
        var items = System.Text.Json.JsonDocument.Parse(offers).RootElement.GetProperty("items").EnumerateArray()
            .ToArray();
        items.ShouldContain(o => o.GetProperty("donor").GetString() == "PL");
        items.ShouldAllBe(
            o => o.GetProperty("donor").GetString() == "PL" || o.GetProperty("released").GetString() == "yes");
        page.ShouldContain("pl-desk (donor-desk of PL)");
        cookieWrite.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        cookiePlan.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        var (client, token) = await FormAsync(web);
        using var _ = client;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            statuses.Add(
                (await client.PostAsync("/SignIn",
                    Form(token, "user-" + i, "guess number " + i))).StatusCode); // names differ: no account locks

        statuses.Take(9).ShouldAllBe(s => s == HttpStatusCode.Unauthorized); // the GET of the form was the first of ten
        statuses.Skip(9).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task An_upload_named_like_a_path_or_of_a_table_the_uploader_may_not_write_is_refused()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        var before = await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger);
        var (client, token) = await FormAsync(web);
        using var _ = client;
        (await client.PostAsync("/SignIn", Form(token, "coord", "correct horse battery staple"))).StatusCode.ShouldBe(
            HttpStatusCode.Redirect);
        var importForm = await client.GetStringAsync("/Import");
        var importToken = AntiforgeryField().Match(importForm).Groups[1].Value;

        using var upload = new MultipartFormDataContent
        {
            { new StringContent(importToken), "__RequestVerificationToken" },
            { new ByteArrayContent("code,name,role,currency\nXX,X,ally,EUR\n"u8.ToArray()), "files",
                "../../nations.csv" },
        };
        var traversal = await client.PostAsync("/Import", upload);
        var (desk, deskToken) = await FormAsync(web);
        using var __ = desk;
        (await desk.PostAsync("/SignIn",
            Form(deskToken, "pl-desk", "correct horse battery staple"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        traversal.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await traversal.Content.ReadAsStringAsync()).ShouldContain("not a plain file name");
        var deskForm = await desk.GetStringAsync("/Import");
        deskForm.ShouldContain("A file holds PL's rows of its table");
        using var nations = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryField().Match(deskForm).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent("code,name,role,currency\nXX,X,ally,EUR\n"u8.ToArray()), "files", "nations.csv" },
        };
        var refused = await desk.PostAsync("/Import", nations);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity); // a desk may not replace reference tables
        (await refused.Content.ReadAsStringAsync()).ShouldContain("donor-desk of PL may not import nations");
        (await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
