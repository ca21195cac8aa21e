using System.Net;
using System.Text.RegularExpressions;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// A client that signs in through the sign-in form and keeps the cookie, as a browser without
/// scripts would; it posts a page's forms with the antiforgery token that page carries.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    private PageClient(HttpClient http, CookieContainer cookies) => (Http, Cookies) = (http, cookies);

    public HttpClient Http { get; }

    /// <summary>The cookies the client keeps, as a browser's cookie jar.</summary>
    public CookieContainer Cookies { get; }

    public static async Task<PageClient> SignInAsync(WebApp web, string user)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(
            new HttpClientHandler { CookieContainer = cookies,
                AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        var token = TokenIn(await http.GetStringAsync("/SignIn"));
        var signIn = await http.PostAsync("/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = user, ["password"] = WebApp.Password,
        }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {user}");
        return new PageClient(http, cookies);
    }

    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="action"/> with the antiforgery token of the page at
    /// <paramref name="formPage"/>.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Html)> PostAsync(
        string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = TokenIn(await Http.GetStringAsync(formPage));
        var response = await Http.PostAsync(action,
            new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string TokenIn(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    /// <summary>The value of a hidden or text input of a form, as the page rendered it.</summary>
    public static string InputValue(string html, string name) =>
        WebUtility.HtmlDecode(
            Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
