using System.Net;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// A sign-in is a session: signing out ends it for good, and it ends 12 h after sign-in however it is used.
/// </summary>
public sealed class SessionTests
{
    [Fact]
    public async Task After_sign_out_the_old_cookie_is_refused()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var signedIn = await PageClient.SignInAsync(web, "pl-desk");
        var cookie = string.Join("; ",
            signedIn.Cookies.GetCookies(web.BaseAddress).Select(c => $"{c.Name}={c.Value}")); // to replay later
        (await signedIn.Http.GetAsync("/api/v1/offers")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (signOut, _) = await signedIn.PostAsync("/", "/SignIn?handler=SignOut", []);
        using var replay = new HttpClient(
            new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        var api = await replay.GetAsync("/api/v1/offers");
        var page = await replay.GetAsync("/Ledger/offers");

        signOut.ShouldBe(HttpStatusCode.Redirect);
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // the public's answer: the session is over
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/SignIn");
    }

    [Fact]
    public async Task A_session_ends_12_hours_after_sign_in_however_often_it_is_used()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = await PageClient.SignInAsync(web, "pl-desk");

        var statuses = new List<HttpStatusCode>();
        foreach (var hours in new[] { 5, 5, 1.9, 0.2 }) // used every few hours: the sliding 8 h never runs out
        {
            web.Ledger.Clock.Now = web.Ledger.Clock.Now.AddHours(hours);
            statuses.Add((await desk.Http.GetAsync("/api/v1/offers")).StatusCode);
        }

        statuses.ShouldBe(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK,
                HttpStatusCode.Unauthorized]); // 11.9 h, then 12.1 h
        (await desk.Http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.Http.GetStringAsync("/")).ShouldNotContain("pl-desk (donor-desk of PL)");
    }

    [Fact]
    public async Task Changing_a_password_ends_the_users_sessions()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = await PageClient.SignInAsync(web, "pl-desk");
        using var officer = await PageClient.SignInAsync(web, "ua-officer");

        var change = await web.Ledger.RunWithInputAsync("a much better passphrase", "user", "password", "pl-desk");

        change.Exit.ShouldBe(0, change.Error);
        (await desk.Http.GetAsync("/api/v1/offers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await officer.Http.GetAsync("/api/v1/offers")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
