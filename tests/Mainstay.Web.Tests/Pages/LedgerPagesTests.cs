using System.Net;
using Mainstay.Data.Files;
using Mainstay.Data.Tests;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// The pages of the ledger's tables: what each role sees and downloads, and editing guarded by the row's ETag.
/// </summary>
public sealed class LedgerPagesTests
{
    [Fact]
    public async Task A_donor_desk_lists_filters_and_downloads_its_own_and_the_released_offers_only()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var desk = web.Client("pl-desk");
        using var coord = web.Client("coord");

        var csv = await desk.GetStringAsync("/Ledger/offers?handler=Download&format=csv");
        var everyone = await coord.GetStringAsync("/Ledger/offers?handler=Download&format=csv");
        var filtered =
            await desk.GetStringAsync(
                "/Ledger/offers?handler=Download&format=csv&donor=PL&recipients=*&sort=-quantity");
        var xlsx = await desk.GetByteArrayAsync("/Ledger/offers?handler=Download&format=xlsx");
        var page = await desk.GetStringAsync("/Ledger/offers?donor=PL");

        var rows = CsvTableFile.Parse("offers.csv", csv).Value;
        var all = CsvTableFile.Parse("offers.csv", everyone).Value.Rows;
        // The desk's own offers and those other nations released; an unreleased one of another nation does not exist
        // for it.
        var (own, foreign) = (all.First(r => r.Cells[1] == "PL").Cells[0],
            all.First(r => r.Cells[1] != "PL" && r.Cells[8] == "no").Cells[0]);
        rows.Header.ShouldBe(
            ["id", "donor", "item", "quantity", "available", "transit_months", "recipients", "conditions", "released"]);
        rows.Rows.Select(r => r.Cells[0])
            .ShouldBe(all.Where(r => r.Cells[1] == "PL" || r.Cells[8] == "yes").Select(r => r.Cells[0]));
        rows.Rows.ShouldContain(r => r.Cells[1] == "PL");
        rows.Rows.ShouldContain(r => r.Cells[1] != "PL");
        var unrestricted = CsvTableFile.Parse("offers.csv", filtered).Value.Rows;
        unrestricted.Count.ShouldBe(rows.Rows.Count(r => r.Cells[1] == "PL" && r.Cells[6] == "*"));
        unrestricted.Select(r => long.Parse(r.Cells[3], System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBeInOrder(SortDirection.Descending);
        XlsxTableFile.Read("offers.xlsx", xlsx).Value.Rows.Select(r => r.Cells)
            .ShouldBe(rows.Rows.Select(r => r.Cells));
        page.ShouldContain($"<td>{own}</td>");
        (await desk.GetStringAsync($"/Ledger/offers?id={foreign}")).ShouldContain("0 offers; page 1 of 1.");
        page.ShouldContain("id=\"add-row\""); // a desk may add offers
        // Another nation's offer does not exist for the desk, nor does a table it may not see.
        (await desk.GetAsync($"/Ledger/offers?edit={foreign}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await desk.GetAsync("/Ledger/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await desk.GetAsync("/Ledger/no-such-table")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await desk.GetAsync("/Ledger/offers?handler=Download&format=pdf")).StatusCode.ShouldBe(
            HttpStatusCode.BadRequest);
        using var anonymous = new HttpClient(
            new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        (await anonymous.GetAsync("/Ledger/offers")).StatusCode.ShouldBe(HttpStatusCode.Redirect); // to sign in
        (await anonymous.GetAsync("/Ledger/nations")).StatusCode.ShouldBe(
            HttpStatusCode.OK); // reference tables are public
    }

    [Fact]
    public async Task An_edit_needs_the_form_it_was_read_with_and_a_stale_or_foreign_one_changes_nothing()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var officer = await PageClient.SignInAsync(web, "ua-officer");
        using var api = web.Client("coord");
        var moldovan =
            CsvTableFile.Parse("r.csv",
                await api.GetStringAsync(
                    "/Ledger/requirements?handler=Download&format=csv&recipient=MD")).Value.Rows[0].Cells[0];
        var form = await officer.Http.GetStringAsync("/Ledger/requirements?edit=UA-R0001");
        var etag = PageClient.InputValue(form, "ETag");
        var cells = new[] { "id", "recipient", "item", "quantity", "priority", "need_by", "useful_months" }
            .ToDictionary(c => c, c => PageClient.InputValue(form, $"Cells[{c}]"));
        var newPriority = cells["priority"] == "5" ? "4" : "5";
        IEnumerable<KeyValuePair<string, string>> Fields(string key, string priority) =>
            cells.Select(
                c => new KeyValuePair<string, string>($"Cells[{c.Key}]",
                    c.Key == "priority" ? priority : c.Key == "id" ? key : c.Value))
                .Append(new("Edit", key)).Append(new("ETag", etag));

        var saved = await officer.PostAsync("/Ledger/requirements", "/Ledger/requirements?handler=Edit",
            Fields("UA-R0001", newPriority));
        var afterSave = await LedgerState.FingerprintAsync(web.Ledger);
        var stale = await officer.PostAsync("/Ledger/requirements", "/Ledger/requirements?handler=Edit",
            Fields("UA-R0001", "1"));
        var foreign = await officer.PostAsync("/Ledger/requirements", "/Ledger/requirements?handler=Edit",
            Fields(moldovan, "1"));
        var removedStale = await officer.PostAsync("/Ledger/requirements", "/Ledger/requirements?handler=Remove",
            [new("Edit", "UA-R0001"), new("ETag", etag)]);

        saved.Status.ShouldBe(HttpStatusCode.OK);
        saved.Html.ShouldContain("Saved requirement UA-R0001.");
        (await api.GetStringAsync("/api/v1/requirements/UA-R0001")).ShouldContain($"\"priority\":{newPriority}");
        (await api.GetStringAsync("/api/v1/requirements/UA-R0001")).ShouldContain("\"quantity\":" + cells["quantity"]);
        stale.Status.ShouldBe(HttpStatusCode.PreconditionFailed);
        foreign.Status.ShouldBe(HttpStatusCode.NotFound); // another nation's requirement does not exist for the officer
        removedStale.Status.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(afterSave);
        using var auditor = web.Client("auditor");
        var audit = await auditor.GetStringAsync("/Audit?entity=requirements&key=UA-R0001");
        audit.ShouldContain("<td>ua-officer</td><td>change</td><td>requirements</td><td>UA-R0001</td>");
    }

    [Fact]
    public async Task The_audit_trail_shows_its_verification_to_auditors_only_and_a_tampered_entry_breaks_it()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var auditor = web.Client("auditor");
        using var desk = web.Client("pl-desk");

        var intact = await auditor.GetStringAsync("/Audit");
        var deskAnswer = await desk.GetAsync("/Audit");
        await using (var db = await web.Ledger.OpenAsync())
        {
            // Someone with rights on the database drops the triggers that keep the trail append-only, and edits an
            // entry.
            await db.ExecuteAsync("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;",
                CancellationToken.None);
            await db.ExecuteAsync("UPDATE audit_log SET actor = 'someone else' WHERE seq = 7", CancellationToken.None);
        }
        var broken = await auditor.GetStringAsync("/Audit?actor=someone%20else");

        intact.ShouldContain("Verified: all ");
        intact.ShouldContain("the tables match the trail");
        deskAnswer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        broken.ShouldContain("Broken at entry 7");
        broken.ShouldContain("<td>7</td>");
        broken.ShouldContain("1 entries; page 1 of 1");
        var csv =
            (await auditor.GetStringAsync("/Audit?actor=someone%20else&handler=Download")).ReplaceLineEndings("\n")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldBe("seq,at,actor,action,entity,key,before,after,prev_hash,hash");
        csv.Length.ShouldBe(2);
        csv[1].ShouldStartWith("7,");
        (await desk.GetAsync("/Audit?handler=Download")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
