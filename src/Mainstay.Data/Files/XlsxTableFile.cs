using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Mainstay.Problems;

namespace Mainstay.Data.Files;

/// <summary>
/// Reads the first worksheet of an Excel workbook (.xlsx) as a table whose first row is the
/// header, and writes one-sheet workbooks. Line numbers in messages are spreadsheet row numbers.
/// </summary>
public static class XlsxTableFile
{
    public static Result<TextTable> Read(string name, byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            var firstSheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || firstSheet?.Id?.Value is not { } sheetId)
                return new Problem(name, "", "the workbook has no worksheet");
            if (workbook.GetPartById(sheetId) is not WorksheetPart sheet)
                return new Problem(name, "", $"the first sheet, \"{firstSheet.Name}\", is not a worksheet (a chart?); put the table on the first sheet");
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);

            string[]? header = null;
            var rows = new List<TextRow>();
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                var cells = new SortedDictionary<int, string>();
                var position = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    // A cell without a reference stands right after the previous one.
                    position = ColumnIndex(cell.CellReference?.Value) ?? position;
                    var value = CellText(cell, shared, dateStyles).Trim();
                    if (value.Length > 0)
                        cells[position] = value;
                    position++;
                }
                if (cells.Count == 0)
                    continue;
                var width = cells.Keys.Max() + 1;
                var record = new string[width];
                for (var i = 0; i < width; i++)
                    record[i] = cells.GetValueOrDefault(i, "");
                var line = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2));
                if (header is null)
                    header = record;
                else
                    rows.Add(new TextRow(line, record.Length < header.Length ? [.. record, .. new string[header.Length - record.Length].Select(_ => "")] : record));
            }
            if (header is null)
                return new Problem(name, "", "the first worksheet is empty; expected a header row of column names");
            return Result<TextTable>.Ok(new TextTable(name, header, rows));
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            return new Problem(name, "", $"not an Excel workbook (.xlsx) or a damaged one: {e.Message}");
        }
    }

    private static string CellText(Cell cell, string[] shared, IReadOnlySet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType is null && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
            return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString)
            return cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.Boolean)
            return raw == "1" ? "TRUE" : "FALSE";
        return ShortestNumber(raw);
    }

    /// <summary>
    /// Excel stores numbers as binary doubles, so 1250000.35 may be written 1250000.3500000001;
    /// the shortest text that reads back as the same double is what the user typed.
    /// </summary>
    private static string ShortestNumber(string raw)
    {
        if (raw.AsSpan().IndexOfAny('.', 'E', 'e') < 0
            || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return raw;
        var shortest = number.ToString("R", CultureInfo.InvariantCulture);
        return shortest.Contains('E', StringComparison.Ordinal) ? raw : shortest;
    }

    /// <summary>
    /// The cell styles that show a number as a date. Excel stores a date typed into a cell as a day
    /// count, so without this a month typed as 2025-03 would arrive as "45717"; as a date it
    /// arrives as "2025-03-01", which the message then shows the user as it is.
    /// </summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var styles = new HashSet<uint>();
        if (stylesheet?.CellFormats is null)
            return styles;
        var customDates = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && LooksLikeDate(f.FormatCode?.Value ?? ""))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58) || customDates.Contains(id))
                styles.Add(index);
            index++;
        }
        return styles;
    }

    private static bool LooksLikeDate(string formatCode)
    {
        // Ignore quoted text and [colour]/[locale] sections, then look for day, month or year codes.
        var plain = System.Text.RegularExpressions.Regex.Replace(formatCode, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
        return plain.IndexOfAny(['d', 'y', 'D', 'Y']) >= 0;
    }

    /// <summary>The zero-based column of a reference such as <c>AB12</c>.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    /// <summary>Writes a workbook with one sheet; cells of <paramref name="numeric"/> columns become numbers.</summary>
    public static void Write(Stream stream, string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int> numeric)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(MakeRow(1, header, new HashSet<int>()));
        uint index = 2;
        foreach (var row in rows)
            data.Append(MakeRow(index++, row, numeric));
        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        workbook.Workbook.Save();
    }

    private static Row MakeRow(uint index, IReadOnlyList<string> cells, IReadOnlySet<int> numeric)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(numeric.Contains(i) && cells[i].Length > 0
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(cells[i]) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cells[i]) { Space = SpaceProcessingModeValues.Preserve }) });
        }
        return row;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }
}
