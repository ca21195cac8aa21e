using System.Net;

namespace Mainstay.Web.Tests.Pages;

/// <summary>Every page opened as every role: the same rules as the API, decided on the server.</summary>
public sealed class PageAccessMatrixTests
{
    // 200 shown; 302 to sign in (the public); 403 a page the role may not use; 404 what does not exist for the role.
    private static readonly Dictionary<string, Dictionary<string, HttpStatusCode>> Expected = new()
    {
        ["public"] = Row(ok: ["/", "/BurdenSharing", "/Ledger/nations", "/Funds"],
            signIn: ["/Ledger/requirements", "/Ledger/offers", "/Ledger/pledges", "/Ledger/deliveries", "/Plan",
                "/Audit", "/Import", "/Ledger/funds", "/Ledger/procurement"]),
        ["coord"] = Row(
            ok: ["/", "/BurdenSharing", "/Funds", "/Ledger/nations", "/Ledger/requirements", "/Ledger/offers",
                "/Ledger/pledges", "/Ledger/deliveries", "/Plan", "/Audit", "/Import", "/Ledger/funds",
                "/Ledger/procurement"]),
        ["auditor"] = Row(
            ok: ["/", "/BurdenSharing", "/Funds", "/Ledger/nations", "/Ledger/requirements", "/Ledger/offers",
                "/Ledger/pledges", "/Ledger/deliveries", "/Plan", "/Audit", "/Ledger/funds", "/Ledger/procurement"],
            forbidden: ["/Import"]),
        ["pl-desk"] = Row(
            ok: ["/", "/BurdenSharing", "/Funds", "/Ledger/nations", "/Ledger/requirements", "/Ledger/offers",
                "/Ledger/pledges", "/Import", "/Ledger/funds", "/Ledger/procurement"],
            missing: ["/Ledger/deliveries", "/Plan", "/Audit"]),
        ["ua-officer"] = Row(
            ok: ["/", "/BurdenSharing", "/Funds", "/Ledger/nations", "/Ledger/requirements", "/Ledger/offers",
                "/Ledger/pledges", "/Ledger/deliveries", "/Import", "/Ledger/funds", "/Ledger/procurement"],
            missing: ["/Plan", "/Audit"]),
    };

    private static Dictionary<string, HttpStatusCode> Row(
        string[] ok, string[]? signIn = null, string[]? forbidden = null, string[]? missing = null) =>
        ok.Select(p => (p, HttpStatusCode.OK)).Concat((signIn ?? []).Select(p => (p, HttpStatusCode.Redirect)))
            .Concat((forbidden ?? []).Select(p => (p, HttpStatusCode.Forbidden)))
            .Concat((missing ?? []).Select(p => (p, HttpStatusCode.NotFound)))
            .ToDictionary(x => x.p, x => x.Item2);

    [Fact]
    public async Task Each_role_opens_the_pages_it_may_and_no_more()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        foreach (var (who, pages) in Expected)
        {
            pages.Count.ShouldBe(13, who); // every page, for every role
            using var client = new HttpClient(
                new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
            if (who != "public")
                client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                    "Bearer", web.TokenOf(who));
            foreach (var (page, status) in pages)
            {
                var response = await client.GetAsync(page);
                response.StatusCode.ShouldBe(status, $"{who} {page}");
                if (status == HttpStatusCode.Redirect)
                    response.Headers.Location!.ToString().ShouldContain("/SignIn");
            }
        }
    }
}
