using System.Net;
using System.Text;
using System.Text.Json;
using Mainstay.BurdenSharing;
using Mainstay.Data.BurdenSharing;
using Mainstay.Data.Planning;
using Mainstay.Data.Tests;

namespace Mainstay.Web.Tests.Api;

/// <summary><c>/api/v1/plans</c> and <c>/api/v1/reports</c> through the real HTTP pipeline.</summary>
public sealed class PlanAndReportApiTests
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Plans_are_made_listed_read_paged_and_compared(string database)
    {
        await using var web = await WebApp.StartAsync(database);
        using var coord = web.Client("coord");

        var empty = await Json(await coord.GetAsync("/api/v1/plans"));
        var made = await coord.PostAsync("/api/v1/plans", null);
        var again = await coord.PostAsync("/api/v1/plans", null);
        var plan = await Json(await coord.GetAsync("/api/v1/plans/1"));
        var page = await Json(await coord.GetAsync("/api/v1/plans/1/allocations?pageSize=7&page=2"));
        var firstRequirement = page.GetProperty("items")[0].GetProperty("requirementId").GetString()!;
        var ofOne = await Json(await coord.GetAsync($"/api/v1/plans/1/allocations?requirement_id={firstRequirement}"));

        empty.GetProperty("items").GetArrayLength().ShouldBe(0);
        made.StatusCode.ShouldBe(HttpStatusCode.Created);
        made.Headers.Location!.ToString().ShouldBe("/api/v1/plans/1");
        again.StatusCode.ShouldBe(HttpStatusCode.OK); // nothing changed: no new plan
        (await Json(again)).GetProperty("unchanged").GetBoolean().ShouldBeTrue();
        await using (var db = await web.Ledger.OpenAsync())
        {
            // The API serves the plan the ledger stored, allocation for allocation.
            var stored = (await LedgerPlans.ListAsync(db)).Single();
            plan.GetProperty("objective").GetString()
                .ShouldBe(stored.Objective.ToString(System.Globalization.CultureInfo.InvariantCulture));
            plan.GetProperty("allocatedUnits").GetInt64().ShouldBe(stored.AllocatedUnits);
            var allocations = await LedgerPlans.AllocationsAsync(db, 1);
            page.GetProperty("total").GetInt32().ShouldBe(allocations.Count);
            page.GetProperty("items").EnumerateArray()
                .Select(a => (a.GetProperty("requirementId").GetString(), a.GetProperty("offerId").GetString(),
                    a.GetProperty("quantity").GetInt64()))
                .ShouldBe(
                    allocations.Skip(7).Take(7)
                        .Select(a => ((string?)a.RequirementId, (string?)a.OfferId, a.Quantity)));
            ofOne.GetProperty("items").EnumerateArray()
                .ShouldAllBe(a => a.GetProperty("requirementId").GetString() == firstRequirement);
            ofOne.GetProperty("total").GetInt32().ShouldBe(allocations.Count(a => a.RequirementId == firstRequirement));
        }

        // A requirement that plan 1 covered now needs a single unit: the next plan says what moved and why.
        var read = await coord.GetAsync($"/api/v1/requirements/{firstRequirement}");
        var row = System.Text.Json.Nodes.JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        row["quantity"] = 1;
        var put = new HttpRequestMessage(HttpMethod.Put,
            $"/api/v1/requirements/{firstRequirement}") { Content = new StringContent(row.ToJsonString(), Encoding.UTF8,
                "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        (await coord.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coord.PostAsync("/api/v1/plans", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var changes = await Json(await coord.GetAsync("/api/v1/plans/2/changes"));

        changes.GetProperty("before").GetInt64().ShouldBe(1);
        var change = changes.GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("requirementId").GetString() == firstRequirement);
        change.GetProperty("before").GetInt64()
            .ShouldBe(ofOne.GetProperty("items").EnumerateArray().Sum(a => a.GetProperty("quantity").GetInt64()));
        change.GetProperty("after").GetInt64().ShouldBe(1);
        change.GetProperty("because").EnumerateArray().Select(b => b.GetString())
            .ShouldContain($"requirement {firstRequirement} changed");
        var firstHasNone = await coord.GetAsync("/api/v1/plans/1/changes");
        firstHasNone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coord.GetAsync("/api/v1/plans/9")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await coord.GetAsync("/api/v1/plans/1/allocations?pageSize=0&sort=id");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(bad)).GetProperty("errors").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Plans_exist_for_coordinators_and_auditors_only_and_only_coordinators_make_them()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        (await coord.PostAsync("/api/v1/plans", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await LedgerState.FingerprintAsync(web.Ledger);

        foreach (var who in new[] { "pl-desk", "ua-officer", "public" })
        {
            using var client = web.Client(who == "public" ? null : who);
            foreach (var path in new[] { "/api/v1/plans", "/api/v1/plans/1", "/api/v1/plans/1/allocations" })
                (await client.GetAsync(path)).StatusCode.ShouldBe(
                    who == "public" ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound, $"{who} {path}");
            (await client.PostAsync("/api/v1/plans", null)).StatusCode.ShouldBe(
                who == "public" ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound, who);
        }
        using var auditor = web.Client("auditor");
        (await auditor.GetAsync("/api/v1/plans/1/allocations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.PostAsync("/api/v1/plans", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task The_burden_sharing_report_is_public_and_equals_the_ledgers_report()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var anyone = web.Client();

        var json = await Json(await anyone.GetAsync("/api/v1/reports/burden-sharing?year=2025"));
        var half = await Json(await anyone.GetAsync("/api/v1/reports/burden-sharing?year=2025&half=1&gdpYear=2023"));
        var csv = await anyone.GetStringAsync("/BurdenSharing?year=2025&handler=Download&format=csv");
        var page = await anyone.GetStringAsync("/BurdenSharing?year=2025");
        await using var db = await web.Ledger.OpenAsync();
        var report = (await BurdenSharingReports.ComputeAsync(db, new ReportPeriod(2025), 2024, null, [])).Value;

        json.GetProperty("period").GetString().ShouldBe("2025");
        json.GetProperty("alliesTotalEur").GetDecimal().ShouldBe(report.AlliesTotal.Units);
        json.GetProperty("baselineEur").GetDecimal().ShouldBe(report.PeriodBaseline.Units);
        json.GetProperty("allies").EnumerateArray()
            .Select(a => (a.GetProperty("nation").GetString(), a.GetProperty("countedEur").GetDecimal()))
            .ShouldBe(report.Allies.Select(a => ((string?)a.Nation.Code, a.Counted.Units)));
        half.GetProperty("period").GetString().ShouldBe("2025 H1");
        half.GetProperty("gdpYear").GetInt32().ShouldBe(2023);
        half.GetProperty("baselineEur").GetDecimal().ShouldBe(report.PeriodBaseline.Units / 2);
        csv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Count()
            .ShouldBe(Mainstay.Reports.BurdenSharingTable.Rows(report).Count());
        foreach (var ally in report.Allies)
            WebUtility.HtmlDecode(page).ShouldContain($"{ally.Nation.Name} ({ally.Nation.Code})");

        // Notes naming contributions (rows of a table the public may not see) are counted for the public, named for
        // coordinators.
        using var coord = web.Client("coord");
        var named = await Json(await coord.GetAsync("/api/v1/reports/burden-sharing?year=2025"));
        string[] Notes(JsonElement report, string nation) => [.. report.GetProperty("allies").EnumerateArray()
            .Single(a => a.GetProperty("nation").GetString() == nation).GetProperty("notes").EnumerateArray()
            .Select(n => n.GetString()!)];
        Notes(named, "AL").ShouldContain(n => n.StartsWith("AL25-TRAIN: IMF annual average", StringComparison.Ordinal));
        Notes(json, "AL")
            .ShouldContain(
                "1 contribution(s) valued at IMF annual average rates via US$ (the ECB publishes "
                    + "none for their currency)");
        json.ToString().ShouldNotContain("AL25-TRAIN");
        csv.ShouldNotContain("AL25-TRAIN");
        page.ShouldNotContain("AL25-TRAIN");
        json.GetProperty("sources").EnumerateArray()
            .ShouldAllBe(s => !s.GetString()!.Contains("(mostly", StringComparison.Ordinal));

        foreach (var (query, field) in new[] { ("half=3", "half"), ("year=abc", "year"), ("year=2025&x=1", "x") })
        {
            var bad = await anyone.GetAsync("/api/v1/reports/burden-sharing?" + query);
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            (await Json(bad)).GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe(field);
        }
        (await anyone.GetAsync("/api/v1/reports/burden-sharing?year=2019")).StatusCode.ShouldBe(
            HttpStatusCode.UnprocessableEntity); // no baseline then
        (await anyone.GetAsync("/BurdenSharing?half=3")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await anyone.GetAsync("/BurdenSharing?year=0")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task The_overview_report_gives_the_dashboards_aggregates_to_everyone()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var anyone = web.Client();

        var json = await Json(await anyone.GetAsync("/api/v1/reports/overview"));

        json.GetProperty("pledgesEur").EnumerateArray().Select(p => p.GetProperty("stage").GetString())
            .ShouldBe(["announced", "committed", "disbursed"]);
        json.GetProperty("coverage").EnumerateArray()
            .ShouldAllBe(c => c.GetProperty("planned").GetInt64() <= c.GetProperty("needed").GetInt64());
        json.GetProperty("forecast").GetArrayLength().ShouldBeGreaterThan(0);
        json.GetProperty("forecast").EnumerateArray()
            .ShouldAllBe(f => f.GetProperty("item").ValueKind == JsonValueKind.Null); // per area, never per item type
    }

    [Fact]
    public async Task The_public_reads_the_totals_of_released_funds_and_nothing_of_the_others()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var anyone = web.Client();
        using var coord = web.Client("coord");

        var json = await Json(await anyone.GetAsync("/api/v1/reports/overview"));
        var all = await ApiCalls.Items(coord, "funds");
        var page = await (await anyone.GetAsync("/")).Content.ReadAsStringAsync();

        var funds = json.GetProperty("funds").EnumerateArray().ToArray();
        funds.Select(f => f.GetProperty("id").GetString()).ShouldBe(
            all.Where(f => f.GetProperty("released").GetString() == "yes")
                .Select(f => f.GetProperty("id").GetString()));
        funds.ShouldNotBeEmpty();
        funds.ShouldAllBe(f => f.EnumerateObject().Select(p => p.Name).SequenceEqual(
            new[] { "id", "donor", "amountEur", "available" }));
        var unreleased = all.Where(f => f.GetProperty("released").GetString() == "no")
            .Select(f => f.GetProperty("id").GetString()!).ToArray();
        unreleased.ShouldNotBeEmpty();
        foreach (var id in unreleased)
        {
            json.ToString().ShouldNotContain(id);
            page.ShouldNotContain(id);
        }
        page.ShouldContain(funds[0].GetProperty("id").GetString()!);
        (await anyone.GetAsync("/api/v1/funds")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
