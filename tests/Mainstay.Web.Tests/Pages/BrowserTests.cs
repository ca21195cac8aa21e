using Microsoft.Playwright;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// The web app in a real browser: Debian's Chromium, headless, driven by Playwright (see <see cref="Browser"/>).
/// </summary>
public sealed class BrowserTests
{
    [Fact]
    public async Task The_overview_draws_its_charts_and_tables()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var web = await WebApp.StartAsync("sqlite");
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        var response = await page.GotoAsync(new Uri(web.BaseAddress, "/").ToString());
        await page.WaitForSelectorAsync("body[data-charts-drawn='2']");

        response!.Status.ShouldBe(200);
        (await page.TitleAsync()).ShouldBe("Overview · Mainstay");
        (await page.Locator(".card").CountAsync()).ShouldBe(3);
        (await page.Locator("table").First.Locator("tbody tr").CountAsync()).ShouldBe(
            12); // one row per capability area
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

    [Fact]
    public async Task A_recipient_officer_signs_in_adds_a_requirement_after_seeing_its_error_then_re_prioritises_it()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var web = await WebApp.StartAsync("sqlite");
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(web.BaseAddress, "/SignIn?returnUrl=/Ledger/requirements").ToString());
        await page.FillAsync("input[name=name]", "ua-officer");
        await page.FillAsync("input[name=password]", "correct horse battery staple");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Ledger/requirements");
        (await page.Locator("header").InnerTextAsync()).ShouldContain("ua-officer (recipient-officer of UA)");
        (await page.Locator("#rows tbody tr td:nth-child(2)").AllInnerTextsAsync()).ShouldAllBe(
            recipient => recipient == "UA");

        foreach (var (column, value) in new[] { ("id", "UA-R7777"), ("recipient", "UA"), ("item", "155mm-shell"),
            ("quantity", "1200"), ("priority", "7"), ("need_by", "2026-05"), ("useful_months", "3") })
            await page.FillAsync($"#add-row input[name='Cells[{column}]']", value);
        await page.ClickAsync("#add-row button");
        (await page.Locator(".error").InnerTextAsync()).ShouldContain("priority: expected an integer 1..5, got \"7\"");
        (await page.InputValueAsync("#add-row input[name='Cells[id]']")).ShouldBe("UA-R7777"); // what was typed is kept

        await page.FillAsync("#add-row input[name='Cells[priority]']", "1");
        await page.ClickAsync("#add-row button");
        (await page.Locator(".ok").InnerTextAsync()).ShouldBe("Added requirement UA-R7777.");

        // Sorted by id, newest last: open it, lower its priority, save; the list shows the new priority.
        await page.GotoAsync(new Uri(web.BaseAddress, "/Ledger/requirements?sort=-id").ToString());
        var first = page.Locator("#rows tbody tr").First;
        (await first.InnerTextAsync()).ShouldContain("UA-R7777");
        await first.Locator("a", new() { HasText = "edit" }).ClickAsync();
        await page.FillAsync("#edit-row input[name='Cells[priority]']", "4");
        await page.ClickAsync("#edit-row button:text('Save')");
        (await page.Locator(".ok").InnerTextAsync()).ShouldBe("Saved requirement UA-R7777.");
        await page.GotoAsync(new Uri(web.BaseAddress, "/Ledger/requirements?id=UA-R7777").ToString());
        (await page.Locator("#rows tbody tr td:nth-child(5)").AllInnerTextsAsync()).ShouldBe(["4"]);
    }

    [Fact]
    public async Task A_coordinator_uploads_a_file_with_an_error_sees_it_with_its_line_and_nothing_changes()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var web = await WebApp.StartAsync("sqlite");
        var before = await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(web.BaseAddress, "/SignIn?returnUrl=/Import").ToString());
        await page.FillAsync("input[name=name]", "coord");
        await page.FillAsync("input[name=password]", "correct horse battery staple");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Import");

        await page.SetInputFilesAsync("input[name=files]", new FilePayload
        {
            Name = "requirements.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(
                "id,recipient,item,quantity,priority,need_by,useful_months\nUA-1,UA,155mm-shell,10,1,2026-01,0\n"
                    + "UA-2,UA,155mm-shell,-4,1,2026-13,0\n"),
        });
        await page.ClickAsync("#import button");

        var errors = await page.Locator(".error li").AllInnerTextsAsync();
        errors.ShouldContain("requirements.csv:3: quantity: expected an integer > 0, got \"-4\"");
        errors.ShouldContain(e => e.StartsWith("requirements.csv:3: need_by:", StringComparison.Ordinal));
        // In the same upload: the ledger's requirements the file lacks would be removed (a file holds the whole table).
        errors.ShouldContain(e => e.StartsWith("requirements.csv: would remove ", StringComparison.Ordinal));
        (await page.Locator("h2").First.InnerTextAsync()).ShouldBe("3 problem(s); nothing was imported");
        (await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task A_coordinator_runs_a_plan_sees_what_changed_since_the_last_and_asks_why_a_requirement_is_short()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var web = await WebApp.StartAsync("sqlite");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(web.BaseAddress, "/SignIn?returnUrl=/Plan").ToString());
        await page.FillAsync("input[name=name]", "coord");
        await page.FillAsync("input[name=password]", "correct horse battery staple");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Plan");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("No plan has been made of this ledger yet.");

        await page.ClickAsync("#run-plan button");
        (await page.Locator(".ok").InnerTextAsync()).ShouldMatch(
            @"^Plan 1 stored: the first plan of this ledger, \d+ item type\(s\) solved\.$");
        (await page.Locator("#latest-plan").InnerTextAsync()).ShouldStartWith("Plan 1 of ");
        (await page.Locator("#allocations tbody tr").CountAsync()).ShouldBe(50); // the first page of its allocations

        // A requirement's priority changes through the API; the next plan re-solves its item type and says why coverage
        // moved.
        using var api = web.Client("coord");
        var read = await api.GetAsync("/api/v1/requirements/UA-R0281");
        var row = (await read.Content.ReadAsStringAsync()).Replace("\"priority\":1", "\"priority\":5",
            StringComparison.Ordinal);
        var put = new HttpRequestMessage(HttpMethod.Put,
            "/api/v1/requirements/UA-R0281") { Content = new StringContent(row, System.Text.Encoding.UTF8,
                "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        (await api.SendAsync(put)).IsSuccessStatusCode.ShouldBeTrue();
        await page.ClickAsync("#run-plan button");
        (await page.Locator(".ok").InnerTextAsync()).ShouldMatch(@"^Plan 2 stored: 1 item type\(s\) changed since "
            + @"plan 1 and were solved again \([^)]+\); the others keep their allocations\.$");
        (await page.Locator("h2").First.InnerTextAsync()).ShouldBe("Since plan 1");

        await page.FillAsync("#explain input[name=explain]", "UA-R0281");
        await page.ClickAsync("#explain button");
        (await page.Locator("#explanation").InnerTextAsync()).ShouldContain("UA-R0281");
    }

    [Fact]
    public async Task A_coordinator_reads_the_funds_the_plans_purchases_and_the_coverage_chart_split_by_how_it_is_met()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var web = await WebApp.StartAsync("sqlite");
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(web.BaseAddress, "/SignIn?returnUrl=/Funds").ToString());
        await page.FillAsync("input[name=name]", "coord");
        await page.FillAsync("input[name=password]", "correct horse battery staple");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Funds");

        (await page.Locator("#as-of").InnerTextAsync()).ShouldStartWith("As of audit entry ");
        (await page.Locator("#funds tbody tr").CountAsync()).ShouldBe(11);
        (await page.Locator("#funds thead").InnerTextAsync()).ShouldContain("amount (EUR)");
        (await page.Locator("section.fund").CountAsync()).ShouldBe(11); // a coordinator sees every fund whole
        var bought = await page.Locator("section.fund table.purchases tbody tr").CountAsync();
        bought.ShouldBeGreaterThan(0);

        await page.ClickAsync("nav a[href='/Plan']");
        await page.WaitForURLAsync("**/Plan");
        (await page.Locator("#current-plan").InnerTextAsync()).ShouldMatch(
            @"bought for EUR [0-9,]+ from \d+ fund\(s\); (proven optimal|not proven optimal)");
        (await page.Locator("#purchases tbody tr").CountAsync()).ShouldBe(Math.Min(bought, 200));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-purchases"));
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        csv[0].ShouldBe("fund_id,option_id,order_month,requirement_id,quantity,cost_eur,arrive,late_months");
        csv.Length.ShouldBe(bought + 1);

        await page.ClickAsync("nav a[href='/']");
        await page.WaitForSelectorAsync("body[data-charts-drawn]");
        var chart = await page.EvaluateAsync<string[]>("""
            () => { const c = Chart.getChart('forecast-chart'); const s = c.options.scales;
                    return [...c.data.datasets.map(d => d.label), s.x.title.text, s.y.title.text,
                            String(c.options.plugins.legend.display), String(s.y.stacked)]; }
            """);
        chart.ShouldBe(["in kind, on time (units)", "bought, on time (units)", "missing: late or not covered (units)",
            "month (requirements due by the end of it)", "units due, cumulative", "true", "true"]);
        errors.ShouldBeEmpty();
    }
}
