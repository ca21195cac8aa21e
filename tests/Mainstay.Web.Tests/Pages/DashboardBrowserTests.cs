using Microsoft.Playwright;

namespace Mainstay.Web.Tests.Pages;

/// <summary>The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright.</summary>
public sealed class DashboardBrowserTests
{
    /// <summary>Debian's Chromium (scripts/setup.sh installs it); Playwright drives it without downloading a browser of its own.</summary>
    private static string Chromium()
    {
        var path = new[] { "/usr/lib/chromium/chromium", "/usr/bin/chromium" }.FirstOrDefault(File.Exists);
        if (path is not null)
            return path;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail("Chromium is not installed: scripts/setup.sh installs Debian's chromium for the browser tests");
        Assert.Skip("Chromium is not installed: run scripts/setup.sh");
        return "";
    }

    [Fact]
    public async Task The_overview_draws_its_charts_and_tables()
    {
        var chromium = Chromium();
        await using var web = await WebApp.StartAsync("sqlite");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        var response = await page.GotoAsync(new Uri(web.BaseAddress, "/").ToString());
        await page.WaitForSelectorAsync("body[data-charts-drawn='2']", new() { Timeout = 15_000 });

        response!.Status.ShouldBe(200);
        (await page.TitleAsync()).ShouldBe("Overview · Mainstay");
        (await page.Locator(".card").CountAsync()).ShouldBe(3);
        (await page.Locator("table").First.Locator("tbody tr").CountAsync()).ShouldBe(12); // one row per capability area
        // A chart that drew something has pixels that are not all blank: compare with an empty canvas of its size.
        foreach (var id in new[] { "forecast-chart", "burden-chart" })
            (await page.EvaluateAsync<bool>($$"""
                () => { const c = document.getElementById('{{id}}'); const blank = document.createElement('canvas');
                        blank.width = c.width; blank.height = c.height; return c.width > 0 && c.toDataURL() !== blank.toDataURL(); }
                """)).ShouldBeTrue(id);
        errors.ShouldBeEmpty();
        if (Environment.GetEnvironmentVariable("MAINSTAY_SCREENSHOT") is { Length: > 0 } screenshot)
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
    }
}
