using System.Net;
using System.Text.RegularExpressions;
using Mainstay.Data.Planning;

namespace Mainstay.Web.Tests.Pages;

/// <summary>
/// The plan page: its coverage by priority and its allocations, paged, filtered and downloaded; for coordinators and
/// auditors only.
/// </summary>
public sealed partial class PlanPageTests
{
    [Fact]
    public async Task The_plan_page_shows_the_stored_plans_coverage_and_allocations()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = web.Client("coord");
        using var auditor = web.Client("auditor");
        using var desk = web.Client("pl-desk");
        (await coord.PostAsync("/api/v1/plans", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var db = await web.Ledger.OpenAsync();
        var stored = (await LedgerPlans.ListAsync(db)).Single();
        var allocations = await LedgerPlans.AllocationsAsync(db, stored.Id);

        var page = await auditor.GetStringAsync("/Plan");
        var csv = (await auditor.GetStringAsync("/Plan?handler=Download")).ReplaceLineEndings("\n")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var one = allocations[0].RequirementId;
        var filtered = await auditor.GetStringAsync($"/Plan?requirementId={one}");

        var coverage = CoverageRow().Matches(page)
            .Select(m => (Priority: m.Groups[1].Value,
                Planned: long.Parse(m.Groups[2].Value.Replace(",", "", StringComparison.Ordinal),
                    System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        coverage.Select(c => c.Priority).ShouldBe(["1", "2", "3", "4", "5"]);
        coverage.Sum(c => c.Planned).ShouldBe(stored.AllocatedUnits);
        page.ShouldContain($"{allocations.Count:N0} allocations; page 1 of {(allocations.Count + 49) / 50}.");
        csv[0].ShouldBe("requirement_id,offer_id,quantity");
        csv.Skip(1).ShouldBe(allocations.Select(a => $"{a.RequirementId},{a.OfferId},{a.Quantity}"));
        filtered.ShouldContain($"{allocations.Count(a => a.RequirementId == one):N0} allocations; page 1 of 1.");
        page.ShouldNotContain("id=\"run-plan\""); // auditors read; only coordinators plan
        (await desk.GetAsync("/Plan")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [GeneratedRegex("<tr><td>([1-5])</td><td class=\"n\">[0-9,]+</td><td class=\"n\">([0-9,]+)</td>")]
    private static partial Regex CoverageRow();
}
