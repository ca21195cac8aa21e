using System.Net;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// An account's sign-in locks after 5 failed attempts for 15 minutes, whichever address they come from.
/// </summary>
public sealed class LockoutTests
{
    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_with_retry_after_and_others_are_not_affected()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var client = new HttpClient(
            new HttpClientHandler { CookieContainer = new CookieContainer(),
                AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        var token = PageClient.TokenIn(await client.GetStringAsync("/SignIn"));
        Task<HttpResponseMessage> SignInAsync(string name, string password) => Attempt(client, token, name, password);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await SignInAsync("coord", "guess number " + i)).StatusCode);
        var fifth = await SignInAsync("coord", "guess number 4");
        var rightButLocked = await SignInAsync("coord", WebApp.Password);
        using var elsewhere = new HttpClient(
            new HttpClientHandler { CookieContainer = new CookieContainer(),
                AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        var otherAccount = await Attempt(elsewhere, PageClient.TokenIn(await elsewhere.GetStringAsync("/SignIn")),
            "auditor", WebApp.Password);
        web.Ledger.Clock.Now = web.Ledger.Clock.Now.AddMinutes(15);
        var later = await SignInAsync("coord", WebApp.Password);

        statuses.ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        fifth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        fifth.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromMinutes(15));
        rightButLocked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await rightButLocked.Content.ReadAsStringAsync()).ShouldContain(
            "Too many failed sign-ins for this user name: try again in 15 minutes.");
        otherAccount.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>
    /// One attempt through the form (10 requests in all, within the per-address limit of 10 a minute).
    /// </summary>
    private static async Task<HttpResponseMessage> Attempt(
        HttpClient client, string token, string name, string password)
    {
        var response = await client.PostAsync("/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = name, ["password"] = password,
        }));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
