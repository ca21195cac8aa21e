using Microsoft.Playwright;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright, launched the same way for every browser test,
/// with timeouts a loaded 2-core CI machine needs: every wait of a page (a click, a locator, a
/// navigation) may take up to <see cref="Timeout"/> rather than Playwright's default 30 s.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<Browser> LaunchAsync()
    {
        var chromium = Chromium();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Timeout = (float)Timeout.TotalMilliseconds,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A page in a context of its own, both with the generous <see cref="Timeout"/>.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await _browser.NewContextAsync(options ?? new());
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        page.SetDefaultNavigationTimeout((float)Timeout.TotalMilliseconds);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>
    /// Debian's Chromium (scripts/setup.sh installs it); Playwright drives it without downloading a browser of its own.
    /// </summary>
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
}
