using System.Net;
using Mainstay.Data.Files;

namespace Mainstay.Web.Tests.Pages;

/// <summary>Downloads survive whatever is stored in the ledger, control characters included.</summary>
public sealed class DownloadSafetyTests
{
    [Fact]
    public async Task A_stored_NUL_character_downloads_in_both_formats()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        await using (var connection = await web.Ledger.OpenRawAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText =
                "UPDATE offers SET conditions = 'a' || char(0) || 'b', id = '=' || id WHERE rowid = "
                    + "(SELECT MIN(rowid) FROM offers)";
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        using var coord = web.Client("coord");

        var xlsx = await coord.GetAsync("/Ledger/offers?handler=Download&format=xlsx");
        var csv = await coord.GetAsync("/Ledger/offers?handler=Download&format=csv");

        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxTableFile.Read("offers.xlsx", await xlsx.Content.ReadAsByteArrayAsync()).Value.Rows;
        rows.ShouldContain(r => r.Cells[7] == "a\0b" && r.Cells[0].StartsWith('='));
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldContain("a\uFFFDb");
        text.ShouldContain("\n'=");
        text.ShouldNotContain("\n=");
    }
}
