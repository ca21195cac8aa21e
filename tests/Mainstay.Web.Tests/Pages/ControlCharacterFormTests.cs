using System.Net;
using Mainstay.Data.Tests;
using Mainstay.Web.Hosting;
using Mainstay.Web.Tests.Hosting;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// A form field holding a control character, NUL included, is answered with the page, the form as
/// typed (less the NUL) and a message naming the field and the character: 422, nothing saved.
/// </summary>
public sealed class ControlCharacterFormTests
{
    private static readonly (string Column, string Value)[] Offer =
    [
        ("id", "PL-O9998"), ("donor", "PL"), ("item", "155mm-shell"), ("quantity", "10"), ("available", "2026-01"),
        ("transit_months", "0"), ("recipients", "*"), ("conditions", "a?b"), ("released", "no"),
    ];

    [Theory]
    [InlineData('\u0000', "conditions: control character U+0000 is not allowed")]
    [InlineData('\u0001', "conditions: holds the control character U+0001 at character 2")]
    [InlineData('\u001B', "conditions: holds the control character U+001B at character 2")]
    public async Task A_control_character_in_an_added_row_is_a_422_on_the_page_with_the_form_kept(
        char control, string message)
    {
        var log = new LogCapture();
        await using var web = await WebApp.StartAsync("sqlite", new WebOptions { AlsoLogTo = log });
        using var desk = await PageClient.SignInAsync(web, "pl-desk");
        var before = await LedgerState.FingerprintAsync(web.Ledger);
        var fields = Offer.Select(
            c => new KeyValuePair<string, string>($"Cells[{c.Column}]", c.Value.Replace('?', control)));

        var (status, html) = await desk.PostAsync("/Ledger/offers", "/Ledger/offers?handler=Add", fields);

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        html.ShouldStartWith("<!DOCTYPE html>");
        WebUtility.HtmlDecode(html).ShouldContain(message);
        PageClient.InputValue(html, "Cells[id]").ShouldBe("PL-O9998");
        PageClient.InputValue(html, "Cells[quantity]").ShouldBe("10");
        if (control == '\0')
        {
            PageClient.InputValue(html, "Cells[conditions]").ShouldBe("ab"); // as typed, less the NUL
            log.Security("ControlCharacterRefused").Single().Message
                .ShouldBe(
                    "form field Cells[conditions] of POST /Ledger/offers from 127.0.0.1 refused: it holds the "
                        + "control character U+0000");
        }
        (await LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task A_nul_in_the_sign_in_form_is_a_422_on_the_page_naming_the_field_and_signs_no_one_in()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var client = new HttpClient(
            new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            { BaseAddress = web.BaseAddress };
        var token = PageClient.TokenIn(await client.GetStringAsync("/SignIn"));

        var response = await client.PostAsync("/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = "co\u0000ord", ["password"] = WebApp.Password,
        }));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        WebUtility.HtmlDecode(html).ShouldContain("name: control character U+0000 is not allowed");
        PageClient.InputValue(html, "name").ShouldBe("coord");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse(); // not signed in
    }

    [Fact]
    public async Task An_escaped_percent_before_zeros_is_text_not_a_nul()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var client = new HttpClient(
            new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            { BaseAddress = web.BaseAddress };
        var token = PageClient.TokenIn(await client.GetStringAsync("/SignIn"));

        var response = await client.PostAsync("/SignIn", new StringContent(
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&name=co%2500ord&password=x",
            System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // an unknown name "co%00ord", not a refused form
        PageClient.InputValue(await response.Content.ReadAsStringAsync(), "name").ShouldBe("co%00ord");
    }
}
