using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Mainstay.Data.Files;

namespace Mainstay.Data.Tests.Files;

/// <summary>
/// Workbooks built to exhaust the reader: a sheet that unpacks to hundreds of megabytes, cell
/// references far beyond Excel's last column, a row number beyond its last row. Each is refused
/// with a clear <c>file:line: column: message</c> in well under a second, allocating little.
/// </summary>
public sealed class HostileWorkbookTests
{
    private const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>item</t></is></c><c r="B1" t="inlineStr"><is><t>capability</t></is></c><c r="C1" t="inlineStr"><is><t>unit_value_eur</t></is></c><c r="D1" t="inlineStr"><is><t>name</t></is></c></row>""";

    public static TheoryData<string, string> Cells => new()
    {
        { "ZZZZZZZ2", "items.xlsx:2: ZZZZZZZ2: a cell beyond Excel's last column, XFD" },
        { "BZZZZZZ2", "items.xlsx:2: BZZZZZZ2: a cell beyond Excel's last column, XFD" },
        { "ZZZZZZ2", "items.xlsx:2: ZZZZZZ2: a cell beyond Excel's last column, XFD" },
        { "AQSWTU2", "items.xlsx:2: AQSWTU2: a cell beyond Excel's last column, XFD" }, // column 20,000,001
        { "XFE2", "items.xlsx:2: XFE2: a cell beyond Excel's last column, XFD" },
        { "E2", "items.xlsx:2: E2: a value beyond the header's last column (D); expected 4 columns" },
        { "2", "items.xlsx:2: 2: not a cell reference such as B2" },
    };

    [Theory, MemberData(nameof(Cells))]
    public async Task A_cell_beyond_the_columns_is_refused_quickly(string reference, string expected)
    {
        var row =
            $"""<row r="2"><c r="A2" t="inlineStr"><is><t>fpv</t></is></c><c r="{reference}" t="inlineStr"><is><t>x</t></is></c></row>""";
        await RefusedQuickly(Workbook(Header + row), expected);
    }

    [Fact]
    public async Task A_row_beyond_the_last_row_is_named_by_its_number()
    {
        await RefusedQuickly(
            Workbook(Header + """<row r="4294967295"><c r="A4294967295" t="inlineStr"><is><t>fpv</t></is></c></row>"""),
            "items.xlsx:4294967295: row 4294967295 is beyond Excel's last row, 1048576");
    }

    [Fact]
    public async Task A_sheet_that_unpacks_to_hundreds_of_megabytes_is_refused_as_a_zip_bomb()
    {
        var row = "<row>" + string.Concat(Enumerable.Repeat("""<c t="inlineStr"><is><t>x</t></is></c>""", 1000))
            + "</row>";
        var bytes = Workbook(Header, Enumerable.Repeat(row, 6000)); // 228 MB of XML in about 700 KB
        bytes.Length.ShouldBeLessThan(1_000_000);

        await RefusedQuickly(bytes, "items.xlsx: the workbook's part xl/worksheets/sheet1.xml unpacks to more than");
    }

    [Fact]
    public void More_rows_than_Excel_holds_are_refused_even_when_they_repeat_one_number()
    {
        var random = new Random(1);
        // Noise in each row keeps the sheet from compressing like a zip bomb, so the row count is what stops it.
        var rows = Enumerable.Range(0, (1 << 20) + 1).Select(_ => $"""<row r="2" x="{random.Next():x8}"/>""");

        XlsxTableFile.Read("items.xlsx", Workbook(Header, rows)).Problem!.ToString()
            .ShouldBe("items.xlsx: more than 1048576 rows in the sheet, Excel's limit");
    }

    [Fact]
    public void A_workbook_of_many_rows_is_read_whole()
    {
        var rows = Enumerable.Range(2, 20_000)
            .Select(r =>
                $"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>item{r}</t></is></c><c r="C{r}"><v>{r}</v></c></row>""");

        var table = XlsxTableFile.Read("items.xlsx", Workbook(Header, rows)).Value;

        table.Rows.Count.ShouldBe(20_000);
        table.Rows[^1].ShouldBe(new TextRow(20_001, ["item20001", "", "20001", ""]), new TextRowComparer());
    }

    [Fact]
    public async Task A_header_reaching_to_the_last_column_is_refused_before_its_rows_are_read()
    {
        // Each one-cell row used to be kept as wide as the header: 128 KB a row, 2.6 GB for 20,000 rows.
        var header = """<row r="1"><c r="A1" t="inlineStr"><is><t>item</t></is></c><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>""";
        var rows = Enumerable.Repeat("""<row><c t="inlineStr"><is><t>fpv</t></is></c></row>""", 2_000);

        await RefusedQuickly(Workbook(header, rows),
            "items.xlsx:1: the header row has 16384 columns (up to XFD); no table has more than 256");
    }

    [Fact]
    public void A_sheet_of_more_cells_than_any_table_is_refused_in_bounded_memory()
    {
        var header = """<row r="1"><c r="A1" t="inlineStr"><is><t>item</t></is></c><c r="IV1" t="inlineStr"><is><t>x</t></is></c></row>""";
        var random = new Random(1);
        var rows = Enumerable.Range(0, 70_000)
            .Select(_ => $"""<row x="{random.Next():x8}"><c t="inlineStr"><is><t>x</t></is></c></row>""");
        var workbook = Workbook(header, rows);
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var problem = XlsxTableFile.Read("items.xlsx", workbook).Problem!;

        problem.ToString().ShouldBe("items.xlsx:65537: the sheet holds more than 16777216 cells "
            + "(rows times the header's 256 columns); split the table, or save it as CSV");
        // At most the 16,777,216 cells' references (128 MB), however many rows follow.
        (GC.GetAllocatedBytesForCurrentThread() - allocated).ShouldBeLessThan(200_000_000);
    }

    [Fact]
    public async Task Millions_of_shared_strings_beside_a_small_sheet_are_refused_at_once()
    {
        var random = new Random(1);
        // Empty strings, with a little noise so that they pack like a spreadsheet, not like a zip bomb.
        var strings = Enumerable.Range(0, 100_000)
            .Select(_ => $"""{string.Concat(Enumerable.Repeat("<si/>", 20))}<si><t>{random.Next(65536):x4}</t></si>""");
        var header = """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>""";
        var workbook = Workbook(header,
            shared: ["<si><t>item</t></si><si><t>capability</t></si><si><t>unit_value_eur</t></si><si><t>name</t></si>",
                .. strings]);
        workbook.Length.ShouldBeLessThan(2_000_000);

        await RefusedQuickly(workbook,
            "items.xlsx: the workbook's shared strings (xl/sharedStrings.xml) are more than 65536, "
            + "more than its sheet has cells to show; refused as a possible zip bomb");
    }

    private static async Task RefusedQuickly(byte[] workbook, string expected)
    {
        var clock = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var problems = new List<Mainstay.Problems.Problem>();
        var read = XlsxTableFile.Read("items.xlsx", workbook, problems);
        var problem = read.IsOk ? problems.ShouldHaveSingleItem() : read.Problem;
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(800));
        (GC.GetAllocatedBytesForCurrentThread() - allocated).ShouldBeLessThan(100_000_000);
        problem.ToString().ShouldStartWith(expected);

        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("items.xlsx", workbook);
        var run = await ledger.RunAsync("import", "./items.xlsx");
        run.Exit.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith(expected);
        File.Exists(Path.Combine(ledger.Folder, "ledger.db")).ShouldBeFalse();
    }

    /// <summary>A minimal workbook whose one sheet holds <paramref name="rows"/>, written as Excel packs it.</summary>
    private static byte[] Workbook(string rows, IEnumerable<string>? more = null, IEnumerable<string>? shared = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, IEnumerable<string> text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(),
                    new UTF8Encoding(false));
                foreach (var chunk in text)
                    writer.Write(chunk);
            }
            Part("[Content_Types].xml", ["""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""]);
            Part("_rels/.rels", ["""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""]);
            Part("xl/workbook.xml", ["""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Items" sheetId="1" r:id="rId1"/></sheets></workbook>"""]);
            Part("xl/_rels/workbook.xml.rels", ["""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>""",
                shared is null ? "" : """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""",
                "</Relationships>"]);
            if (shared is not null)
                Part("xl/sharedStrings.xml", ["""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""", .. shared, "</sst>"]);
            Part("xl/worksheets/sheet1.xml", ["""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""", rows, .. more ?? [], "</sheetData></worksheet>"]);
        }
        return stream.ToArray();
    }

    private sealed class TextRowComparer : IEqualityComparer<TextRow>
    {
        public bool Equals(TextRow? x, TextRow? y) =>
            x is not null && y is not null && x.Line == y.Line && x.Cells.SequenceEqual(y.Cells);

        public int GetHashCode(TextRow obj) => obj.Line;
    }
}
