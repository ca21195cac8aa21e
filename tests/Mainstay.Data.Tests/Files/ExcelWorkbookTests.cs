using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mainstay.Data.Tests.Files;

/// <summary>Workbooks as Excel writes them: shared strings, numbers, styled dates, empty cells left out.</summary>
public sealed class ExcelWorkbookTests
{
    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_workbook_with_shared_strings_and_numbers_imports(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        ledger.WriteFile("nations.csv", Samples.Nations);
        ledger.WriteFile("offers.xlsx", Workbook(
            ["id", "donor", "item", "quantity", "available", "transit_months", "recipients", "conditions"],
            [["O1", "DE", "155mm-shell", 4000, "2025-01", 1, "*", null],
                ["O2", "PL", "generator-100kva", 120, "2025-09", 0, "UA;MD", "winter"]]));

        var run = await ledger.RunAsync("import", "./nations.csv", "./offers.xlsx");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("offers.xlsx: 2 added");
        (await ledger.RunAsync("export", "./offers.csv")).Exit.ShouldBe(0);
        File.ReadAllText(Path.Combine(ledger.Folder, "offers.csv")).ShouldBe(
            "id,donor,item,quantity,available,transit_months,recipients,conditions,released\n"
                + "O1,DE,155mm-shell,4000,2025-01,1,*,,no\nO2,PL,generator-100kva,120,2025-09,0,MD;UA,winter,no\n");
    }

    [Fact]
    public async Task A_month_typed_as_an_Excel_date_is_shown_as_the_date_it_became()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv", Samples.Nations);
        ledger.WriteFile("offers.xlsx", Workbook(
            ["id", "donor", "item", "quantity", "available", "transit_months", "recipients"],
            [["O1", "DE", "155mm-shell", 4000, new DateOnly(2025, 3, 1), 1, "*"],
                ["O2", "DE", "155mm-shell", "many", "2025-04", 1, "*"]]));

        var run = await ledger.RunAsync("import", "./nations.csv", "./offers.xlsx");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain(
            "offers.xlsx:2: available: expected a month YYYY-MM in years 2000..2100, got \"2025-03-01\"");
        run.Error.ShouldContain("offers.xlsx:3: quantity: expected an integer > 0, got \"many\"");
    }

    [Fact]
    public async Task Cells_without_references_and_binary_noise_in_numbers_are_read_as_meant()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("items.xlsx", Workbook(
            ["item", "capability", "unit_value_eur", "name"],
            [["fpv", "drones", new RawNumber("1250000.3500000001"), "FPV drone"], ["gen", null, "energy", "Generator"]],
            withReferences: false));

        var run = await ledger.RunAsync("import", "./items.xlsx");

        run.Exit.ShouldBe(2);
        run.Error.Trim().Split('\n').ShouldBe([
            "items.xlsx:3: capability: is empty; a value is required",
            "items.xlsx:3: unit_value_eur: expected an amount such as 1250000.50, got \"energy\"",
            "2 problems; nothing was imported",
        ]);
    }

    private sealed record RawNumber(string Text);

    /// <summary>
    /// Writes rows the way Excel does: text in the shared string table, dates as styled serial numbers.
    /// </summary>
    private static byte[] Workbook(string[] header, object?[][] rows, bool withReferences = true)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var data = new SheetData();
            uint rowIndex = 1;
            foreach (var values in new[] { header.Cast<object?>().ToArray() }.Concat(rows))
            {
                var row = new Row { RowIndex = rowIndex };
                for (var i = 0; i < values.Length; i++)
                {
                    var reference = withReferences
                        ? (char)('A' + i) + rowIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                    switch (values[i])
                    {
                        case null when withReferences:
                            break;
                        case null:
                            row.Append(new Cell());
                            break;
                        case RawNumber raw:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(raw.Text) });
                            break;
                        case string text:
                            strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                            row.Append(
                                new Cell { CellReference = reference, DataType = CellValues.SharedString,
                                    CellValue = new CellValue(strings.SharedStringTable.Count() - 1) });
                            break;
                        case DateOnly date:
                            row.Append(
                                new Cell { CellReference = reference, StyleIndex = 1,
                                    CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()) });
                            break;
                        case int number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                            break;
                    }
                }
                data.Append(row);
                rowIndex++;
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(
                new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Offers" }));
        }
        return stream.ToArray();
    }
}
