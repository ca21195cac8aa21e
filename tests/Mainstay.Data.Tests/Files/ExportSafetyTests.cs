using System.Data.Common;
using Mainstay.Data.Files;

namespace Mainstay.Data.Tests.Files;

/// <summary>
/// Exports survive whatever is stored (control characters included), and never hand a spreadsheet
/// a formula to run; what they write imports back unchanged.
/// </summary>
public sealed class ExportSafetyTests
{
    [Fact]
    public async Task A_stored_control_character_exports_to_Excel_as_itself_and_to_CSV_as_a_replacement_character()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations", "offers"]);
        await StoreAsync(ledger,
            "UPDATE offers SET conditions = 'a' || char(0) || 'b' || char(11) || '_x0041_' WHERE id = 'O1'");

        var xlsx = await ledger.RunAsync("export", "./offers.xlsx");
        var csv = await ledger.RunAsync("export", "./offers.csv");

        xlsx.Exit.ShouldBe(0, xlsx.Error);
        csv.Exit.ShouldBe(0, csv.Error);
        var workbook = XlsxTableFile.Read("offers.xlsx",
            await File.ReadAllBytesAsync(Path.Combine(ledger.Folder, "offers.xlsx"))).Value;
        workbook.Rows[0].Cells[7].ShouldBe("a\0b\v_x0041_");
        File.ReadAllText(Path.Combine(ledger.Folder, "offers.csv"))
            .ShouldContain("O1,DE,155mm-shell,4000,2025-01,1,*,a\uFFFDb\uFFFD_x0041_,no\n");
    }

    [Fact]
    public async Task Text_a_spreadsheet_would_run_is_quoted_in_CSV_and_imports_back_as_it_was()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations"]);
        ledger.WriteFile("offers.csv", """
            id,donor,item,quantity,available,transit_months,recipients,conditions
            =O1,DE,155mm-shell,4000,2025-01,1,*,"=HYPERLINK(""http://evil.example"",""x"")"
            @O2,DE,155mm-shell,1,2025-01,1,*,+1
            O3,DE,155mm-shell,1,2025-01,1,*,-5
            O4,DE,155mm-shell,1,2025-01,1,*,'=typed with a quote
            O5,DE,155mm-shell,1,2025-01,1,*,'plain
            """);
        (await ledger.RunAsync("import", "./offers.csv")).Exit.ShouldBe(0);
        ledger.WriteFile("contributions.csv",
            "id,donor,recipient,value_date,aid_type,category,channel,amount,currency,valuation,source,correction\n"
            + "C1,DE,UA,2025-01-01,military,equipment,nato,-5,EUR,cash,-revised,yes\n");
        (await ledger.RunAsync("import", "./contributions.csv")).Exit.ShouldBe(0);

        (await ledger.RunAsync("export", "--out", "./out", "--format", "csv")).Exit.ShouldBe(0);

        var offers = File.ReadAllText(Path.Combine(ledger.Folder, "out", "offers.csv"));
        offers.ShouldContain(
            "'=O1,DE,155mm-shell,4000,2025-01,1,*,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",no\n");
        offers.ShouldContain("'@O2,DE,155mm-shell,1,2025-01,1,*,+1,no\n"); // a number, not a formula
        offers.ShouldContain("O3,DE,155mm-shell,1,2025-01,1,*,-5,no\n");
        offers.ShouldContain(
            "O4,DE,155mm-shell,1,2025-01,1,*,'=typed with a quote,no\n"); // the quote protected it in the file too
        offers.ShouldContain("O5,DE,155mm-shell,1,2025-01,1,*,'plain,no\n");
        File.ReadAllText(Path.Combine(ledger.Folder, "out", "contributions.csv"))
            .ShouldContain("C1,DE,UA,2025-01-01,military,equipment,nato,-5.00,EUR,cash,'-revised,,,yes\n");
        var again = await ledger.RunAsync("import", "./out/offers.csv", "./out/contributions.csv");
        again.Exit.ShouldBe(0, again.Error);
        again.Out.ShouldContain("offers.csv: no changes (5 offers rows already up to date)");
        again.Out.ShouldContain("contributions.csv: no changes (1 contributions rows already up to date)");
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("-5")]
    [InlineData("-x")]
    [InlineData("'=x")]
    [InlineData("''@x")]
    [InlineData("'")]
    [InlineData("\t=x")]
    [InlineData("plain")]
    public void Protect_then_unprotect_gives_the_text_back(string text) =>
        CsvCells.Unprotect(CsvCells.Protect(text)).ShouldBe(text);

    private static async Task StoreAsync(TestLedger ledger, string sql)
    {
        await using DbConnection connection = await ledger.OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
