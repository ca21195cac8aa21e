using System.Net;
using System.Text.Json;
using Mainstay.Data.Ledger;

namespace Mainstay.Web.Tests.Api;

/// <summary>
/// A client generator (NSwag) reads the OpenAPI document and makes typed methods and classes, not objects;
/// compiled, that client works against the running server and reads what the raw API answers.
/// </summary>
[Collection(nameof(GeneratedClientCollection))]
public sealed class GeneratedClientTests(GeneratedClient generated) : IClassFixture<GeneratedClient>
{
    [Fact]
    public void NSwag_generates_a_typed_csharp_client_from_the_document()
    {
        var code = generated.Code;

        code.ShouldContain("Task<OffersPage> ListOffersAsync(");
        code.ShouldContain("Task<OffersRow> GetOffersRowAsync(string key");
        code.ShouldContain("Task<OffersRow> AddOffersRowAsync(OffersRow body");
        code.ShouldContain("Task<ExchangeRatesPage> ListExchangeRatesAsync(");
        code.ShouldContain("Task<AllocationPage>");
        code.ShouldContain("Task<PlanChanges>");
        code.ShouldContain("Task<OverviewReport>");
        code.ShouldContain("Task<BurdenSharingAccount>");
        code.ShouldContain("public long Transit_months"); // an integer column, typed
        code.ShouldContain("public string RequirementId");
        code.ShouldNotContain("Task<object>");
        code.ShouldNotContain("Task<FileResponse>");
    }

    [Fact]
    public void The_generated_client_compiles_without_errors_or_warnings()
    {
        generated.Diagnostics.ShouldBeEmpty(string.Join("\n", generated.Diagnostics));
        var client = generated.TypeNamed("MainstayClient");
        client.GetMethods().Count(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ShouldBe(5 * LedgerKinds.All.Count + 5 + 3 + 1); // a table's 5, plans' 5, reports' 3, purchases' 1
    }

    [Fact]
    public async Task The_generated_client_reads_the_pages_and_rows_the_raw_api_serves()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var http = web.Client("coord");
        var client = generated.For(http);

        var raw = await Json(http, "/api/v1/offers?page=2&pageSize=1&donor=PL");
        var page = await client.ListOffersAsync(page: 2L, pageSize: 1L, donor: "PL");
        ((string)page.Table).ShouldBe("offers");
        ((long)page.Page).ShouldBe(2);
        ((long)page.Total).ShouldBe(raw.GetProperty("total").GetInt64());
        ((long)page.Total).ShouldBeGreaterThan(1);
        IEnumerable<dynamic> offers = page.Items;
        offers.Select(o => ((string)o.Id, (string)o.Donor, (long)o.Quantity, (long)o.Transit_months))
            .ShouldBe(raw.GetProperty("items").EnumerateArray().Select(o => (o.GetProperty("id").GetString()!, "PL",
                o.GetProperty("quantity").GetInt64(), o.GetProperty("transit_months").GetInt64())));

        var id = raw.GetProperty("items")[0].GetProperty("id").GetString()!;
        var row = await client.GetOffersRowAsync(id);
        var rawRow = await Json(http, $"/api/v1/offers/{id}");
        ((string)row.Item).ShouldBe(rawRow.GetProperty("item").GetString());
        ((string)row.Available).ShouldBe(rawRow.GetProperty("available").GetString());
        ((string)row.Recipients).ShouldBe(rawRow.GetProperty("recipients").GetString());
        ((long)row.Quantity).ShouldBe(rawRow.GetProperty("quantity").GetInt64());
    }

    [Fact]
    public async Task A_missing_row_surfaces_as_the_generated_ApiException_with_status_404_and_the_problem()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var http = web.Client("coord");
        var client = generated.For(http);

        var refused = await Refused(() => client.GetOffersRowAsync("NO-SUCH"));
        var raw = await http.GetAsync("/api/v1/offers/NO-SUCH");

        raw.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var type = ((object)refused).GetType();
        type.Assembly.ShouldBe(generated.Assembly);
        type.Name.ShouldBe("ApiException`1");
        type.GetGenericArguments().ShouldBe([generated.TypeNamed("ProblemDetails")]);
        ((int)refused.StatusCode).ShouldBe(404);
        ((int)refused.Result.Status).ShouldBe(404);
        var problem = JsonDocument.Parse(await raw.Content.ReadAsStringAsync()).RootElement;
        ((string)refused.Result.Title).ShouldBe(problem.GetProperty("title").GetString());
        ((string)refused.Result.Detail).ShouldBe(problem.GetProperty("detail").GetString());

        using var anyone = web.Client();
        ((int)(await Refused(() => generated.For(anyone).ListOffersAsync())).StatusCode).ShouldBe(401);
    }

    [Fact]
    public async Task A_coordinator_adds_changes_and_removes_a_requirement_through_the_generated_client()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var http = web.Client("coord");
        var client = generated.For(http);

        var body = generated.New("RequirementsRow");
        body.Id = "UA-R9999";
        body.Recipient = "UA";
        body.Item = "155mm-shell";
        body.Quantity = 500L;
        body.Priority = 2L;
        body.Need_by = "2026-03";
        body.Useful_months = 2L;
        var added = await client.AddRequirementsRowAsync(body);
        ((string)added.Need_by).ShouldBe("2026-03");
        var read = await client.GetRequirementsRowAsync("UA-R9999");
        ((long)read.Quantity).ShouldBe(500);
        var raw = await http.GetAsync("/api/v1/requirements/UA-R9999");
        JsonDocument.Parse(await raw.Content.ReadAsStringAsync()).RootElement.GetProperty("recipient").GetString()
            .ShouldBe("UA");
        ((int)(await Refused(() => client.AddRequirementsRowAsync(body))).StatusCode).ShouldBe(409);

        // The document declares no If-Match parameter: the typed method sends none, so the server asks for one.
        read.Quantity = 400L;
        ((int)(await Refused(() => client.ChangeRequirementsRowAsync("UA-R9999", read))).StatusCode).ShouldBe(428);
        // The header goes on the HttpClient the generated client sends through; the ETag is the raw read's.
        IfMatch(http, "\"stale\"");
        ((int)(await Refused(() => client.ChangeRequirementsRowAsync("UA-R9999", read))).StatusCode).ShouldBe(412);
        IfMatch(http, raw.Headers.ETag!.Tag);
        var changed = await client.ChangeRequirementsRowAsync("UA-R9999", read);
        ((long)changed.Quantity).ShouldBe(400);
        ((long)(await client.GetRequirementsRowAsync("UA-R9999")).Quantity).ShouldBe(400);
        var after = await http.GetAsync("/api/v1/requirements/UA-R9999");
        JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement.GetProperty("quantity").GetInt64()
            .ShouldBe(400);

        IfMatch(http, after.Headers.ETag!.Tag);
        await (Task)client.RemoveRequirementsRowAsync("UA-R9999");
        IfMatch(http, null);
        ((int)(await Refused(() => client.GetRequirementsRowAsync("UA-R9999"))).StatusCode).ShouldBe(404);
        (await http.GetAsync("/api/v1/requirements/UA-R9999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var auditor = web.Client("auditor");
        ((int)(await Refused(() => generated.For(auditor).AddRequirementsRowAsync(body))).StatusCode).ShouldBe(403);
    }

    [Fact]
    public async Task The_generated_client_makes_a_plan_and_reads_it_its_allocations_and_the_reports_as_served()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var http = web.Client("coord");
        var client = generated.For(http);

        IEnumerable<dynamic> none = (await client.PlansGETAsync()).Items;
        none.ShouldBeEmpty();
        var made = await client.PlansPOSTAsync();
        ((bool)made.Unchanged).ShouldBeFalse();
        ((long)made.Plan.Id).ShouldBe(1);
        ((bool)(await client.PlansPOSTAsync()).Unchanged).ShouldBeTrue();
        IEnumerable<dynamic> plans = (await client.PlansGETAsync()).Items;
        var current = (long)plans.Single().Id;

        var plan = await client.PlansGET2Async(current);
        var rawPlan = await Json(http, $"/api/v1/plans/{current}");
        ((string)plan.Objective).ShouldBe(rawPlan.GetProperty("objective").GetString());
        ((long)plan.AllocatedUnits).ShouldBe(rawPlan.GetProperty("allocatedUnits").GetInt64());
        ((string)plan.CreatedAt).ShouldBe(rawPlan.GetProperty("createdAt").GetString());
        ((string)plan.Actor).ShouldBe("coord");

        var allocations = await client.AllocationsAsync(current);
        var rawAllocations = await Json(http, $"/api/v1/plans/{current}/allocations");
        ((int)allocations.Total).ShouldBe(rawAllocations.GetProperty("total").GetInt32());
        ((int)allocations.Total).ShouldBeGreaterThan(0);
        IEnumerable<dynamic> allocated = allocations.Items;
        allocated.Select(a => ((string)a.RequirementId, (string)a.OfferId, (long)a.Quantity))
            .ShouldBe(rawAllocations.GetProperty("items").EnumerateArray().Select(a => (
                a.GetProperty("requirementId").GetString()!, a.GetProperty("offerId").GetString()!,
                a.GetProperty("quantity").GetInt64())));
        ((int)(await Refused(() => client.ChangesAsync(current))).StatusCode).ShouldBe(404); // the first plan
        ((int)(await Refused(() => client.PlansGET2Async(current + 1))).StatusCode).ShouldBe(404);

        using var anyone = web.Client();
        var reports = generated.For(anyone);
        var overview = await reports.OverviewAsync();
        var rawOverview = await Json(anyone, "/api/v1/reports/overview");
        ((long)overview.AsOf.AuditSeq).ShouldBe(rawOverview.GetProperty("asOf").GetProperty("auditSeq").GetInt64());
        IEnumerable<dynamic> pledges = overview.PledgesEur, forecast = overview.Forecast, coverage = overview.Coverage;
        pledges.Select(p => ((string)p.Stage, (double)p.Eur))
            .ShouldBe(rawOverview.GetProperty("pledgesEur").EnumerateArray()
                .Select(p => (p.GetProperty("stage").GetString()!, p.GetProperty("eur").GetDouble())));
        forecast.Select(f => ((string)f.Capability, (string)f.Month, (long)f.Needed, (long)f.Gap))
            .ShouldBe(rawOverview.GetProperty("forecast").EnumerateArray().Select(f => (
                f.GetProperty("capability").GetString()!, f.GetProperty("month").GetString()!,
                f.GetProperty("needed").GetInt64(), f.GetProperty("gap").GetInt64())));
        coverage.Select(c => ((string)c.Capability, (int)c.Priority, (long)c.Needed, (long)c.Planned))
            .ShouldBe(rawOverview.GetProperty("coverage").EnumerateArray().Select(c => (
                c.GetProperty("capability").GetString()!, c.GetProperty("priority").GetInt32(),
                c.GetProperty("needed").GetInt64(), c.GetProperty("planned").GetInt64())));
        pledges.ShouldNotBeEmpty();
        forecast.ShouldNotBeEmpty();
        coverage.ShouldNotBeEmpty();

        // The document declares no query parameters here (year, half, gdpYear): the default report.
        var burden = await reports.BurdenSharingAsync();
        var rawBurden = await Json(anyone, "/api/v1/reports/burden-sharing");
        ((string)burden.Period).ShouldBe(rawBurden.GetProperty("period").GetString());
        ((double)burden.AlliesTotalEur).ShouldBe(rawBurden.GetProperty("alliesTotalEur").GetDouble());
        ((double)burden.BaselineEur).ShouldBe(rawBurden.GetProperty("baselineEur").GetDouble());
        IEnumerable<dynamic> allies = burden.Allies;
        allies.Select(a => ((string)a.Nation, (double)a.CountedEur))
            .ShouldBe(rawBurden.GetProperty("allies").EnumerateArray()
                .Select(a => (a.GetProperty("nation").GetString()!, a.GetProperty("countedEur").GetDouble())));
        allies.ShouldNotBeEmpty();
    }

    private static async Task<JsonElement> Json(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The <c>If-Match</c> of every request <paramref name="http"/> sends from now on (null: none).</summary>
    private static void IfMatch(HttpClient http, string? etag)
    {
        http.DefaultRequestHeaders.Remove("If-Match");
        if (etag is not null)
            http.DefaultRequestHeaders.Add("If-Match", etag);
    }

    /// <summary>The generated <c>ApiException</c> that <paramref name="call"/> throws.</summary>
    private static async Task<dynamic> Refused(Func<dynamic> call)
    {
        try
        {
            await (Task)call();
        }
        catch (Exception e) when (e.GetType().Name.StartsWith("ApiException", StringComparison.Ordinal))
        {
            return e;
        }
        throw new ShouldAssertException("the generated client answered; expected its ApiException");
    }
}
