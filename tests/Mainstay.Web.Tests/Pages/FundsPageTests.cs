using System.Net;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// The Funds page and the Plan page's purchases over HTTP: each role sees the funds it may and no other, and ids
/// are shown as text, never run as markup or as a spreadsheet formula.
/// </summary>
public sealed class FundsPageTests
{
    private static readonly string[] Unreleased =
        ["DK-PURL-2025-2", "CA-CZAMMO-2025", "DE-CZAMMO-2025", "PL-CZAMMO-2025"];

    [Fact]
    public async Task Each_role_sees_on_the_funds_page_only_the_funds_it_may_and_ids_stay_text_in_pages_and_csv()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        await using (var connection = await web.Ledger.OpenRawAsync())
        await using (var command = connection.CreateCommand())
        {
            // Every option id made to look like markup and a formula: the plan buys with them all the same.
            command.CommandText = "UPDATE procurement SET id = '=<i>' || id";
            (await command.ExecuteNonQueryAsync()).ShouldBeGreaterThan(0);
        }
        using var anyone = web.Client();
        using var auditor = web.Client("auditor");
        using var desk = web.Client("pl-desk");
        using var officer = web.Client("ua-officer");

        var auditorPage = await auditor.GetStringAsync("/Funds");
        var publicPage = await anyone.GetStringAsync("/Funds");
        var deskPage = await desk.GetStringAsync("/Funds");
        var officerPage = await officer.GetStringAsync("/Funds");
        var planPage = await auditor.GetStringAsync("/Plan");
        var csv = (await auditor.GetStringAsync("/Plan?handler=Purchases")).Split('\n', StringSplitOptions.None);

        auditorPage.ShouldContain("As of audit entry ");
        foreach (var fund in Unreleased)
        {
            auditorPage.ShouldContain(fund);
            publicPage.ShouldNotContain(fund);
            officerPage.ShouldNotContain(fund);
            if (fund != "PL-CZAMMO-2025")
                deskPage.ShouldNotContain(fund);
        }
        deskPage.ShouldContain("data-fund=\"PL-CZAMMO-2025\""); // its own, whole
        deskPage.ShouldNotContain("data-fund=\"NL-PURL-2025-1\""); // another's released fund: totals only
        publicPage.ShouldContain("NL-PURL-2025-1");
        publicPage.ShouldNotContain("class=\"fund\"");
        publicPage.ShouldNotContain("What it buys");
        officerPage.ShouldContain("Purchases for your requirements");
        foreach (var page in new[] { auditorPage, officerPage, planPage })
        {
            page.ShouldContain("=&lt;i&gt;");
            page.ShouldNotContain("<i>");
        }
        planPage.ShouldContain("id=\"optimality\"");
        csv[0].ShouldBe("fund_id,option_id,order_month,requirement_id,quantity,cost_eur,arrive,late_months");
        csv.Skip(1).Where(l => l.Length > 0).ShouldNotBeEmpty();
        csv.Skip(1).Where(l => l.Length > 0).ShouldAllBe(l => l.Split(',', StringSplitOptions.None)[1].StartsWith("'=<i>", StringComparison.Ordinal));
        (await desk.GetAsync("/Plan?handler=Purchases")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync("/Plan?handler=Purchases")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
