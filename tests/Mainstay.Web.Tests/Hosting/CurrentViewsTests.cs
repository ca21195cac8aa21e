using System.Text;
using System.Text.Json;
using Mainstay.Data.Storage;
using Mainstay.Data.Tests;
using Mainstay.Procurement;
using Mainstay.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Mainstay.Web.Tests.Hosting;

/// <summary>The one current plan the server keeps: read by the dashboard, the overview API and explain.</summary>
public sealed class CurrentViewsTests
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<long> AuditSeqAsync(TestLedger ledger)
    {
        await using var db = await ledger.OpenAsync();
        return await Mainstay.Data.Audit.AuditTrail.NewestSeqAsync(db);
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task After_a_write_every_reader_sees_the_new_plan_computed_once_from_the_last_optimum(string database)
    {
        await using var web = await WebApp.StartAsync(database);
        var views = web.Services.GetRequiredService<LedgerConnections>().Views;
        using var anyone = web.Client();
        using var coord = web.Client("coord");
        var before = await Json(await anyone.GetAsync("/api/v1/reports/overview"));
        before.GetProperty("asOf").GetProperty("auditSeq").GetInt64().ShouldBe(await AuditSeqAsync(web.Ledger));

        var computed = views.Computations;

        // A requirement's quantity changes: the same rows, so the plan is re-planned warm.
        var read = await coord.GetAsync("/api/v1/requirements/UA-R0281");
        var row = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await read.Content.ReadAsStringAsync())!;
        var quantity = row["quantity"].GetInt64();
        var body = (await read.Content.ReadAsStringAsync()).Replace(
            $"\"quantity\":{quantity}", $"\"quantity\":{quantity + 1000}", StringComparison.Ordinal);
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/requirements/UA-R0281")
        { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        (await coord.SendAsync(put)).IsSuccessStatusCode.ShouldBeTrue();

        // Twenty readers at once after the write: served at once, one computation of the new plan for them all.
        var readers =
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => anyone.GetAsync("/api/v1/reports/overview")));
        readers.ShouldAllBe(r => r.IsSuccessStatusCode);
        var seq = await AuditSeqAsync(web.Ledger);
        var after = await Json(await anyone.GetAsync("/api/v1/reports/overview"));
        for (var tries = 0; after.GetProperty("asOf").GetProperty("auditSeq").GetInt64() < seq && tries < 300; tries++)
        {
            await Task.Delay(100);
            after = await Json(await anyone.GetAsync("/api/v1/reports/overview"));
        }

        after.GetProperty("asOf").GetProperty("auditSeq").GetInt64().ShouldBe(seq);
        views.Computations.ShouldBe(computed + 1);
        static long Needed(JsonElement overview) =>
            overview.GetProperty("coverage").EnumerateArray().Sum(c => c.GetProperty("needed").GetInt64());
        Needed(after).ShouldBe(Needed(before) + 1000);
        var current = views.Last!.Plan;
        current.AuditSeq.ShouldBe(seq);
        current.Requirements.Single(r => r.Id == "UA-R0281").Quantity.ShouldBe(quantity + 1000);
        // The plan every reader shows is optimal for the ledger as it now is.
        await using var db = await web.Ledger.OpenAsync();
        var snapshot = await LedgerReader.LoadAsync(db);
        current.Plan.Objective.ShouldBe(JointPlanner.Solve(
            snapshot.Requirements, snapshot.Offers, snapshot.Funds, snapshot.Options, TimeSpan.FromMinutes(5)).Objective);
    }

    [Fact]
    public async Task The_dashboard_says_what_audit_entry_its_plan_is_as_of_and_explain_reads_that_plan()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        var views = web.Services.GetRequiredService<LedgerConnections>().Views;
        using var coord = web.Client("coord");
        var seq = await AuditSeqAsync(web.Ledger);

        var page = await (await web.Client().GetAsync("/")).Content.ReadAsStringAsync();
        var computed = views.Computations;
        var explained = await (await coord.GetAsync("/Plan?explain=UA-R0281")).Content.ReadAsStringAsync();

        page.ShouldContain($"As of audit entry {seq}: the current plan was made ");
        explained.ShouldContain($"By the current plan, as of audit entry {seq} (made ");
        explained.ShouldContain("UA-R0281");
        explained.ShouldContain("Planned: ");
        views.Computations.ShouldBe(computed); // explain solved nothing: it read the plan the dashboard showed
    }
}
