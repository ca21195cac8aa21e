using System.Globalization;
using System.Text;
using System.Xml;
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
    /// <summary>Excel's last row, 1,048,576.</summary>
    public const int MaxRows = 1 << 20;

    /// <summary>Excel's last column, XFD: 16,384.</summary>
    public const int MaxColumns = 1 << 14;

    /// <summary>The most characters Excel keeps in a cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>
    /// The widest header read: no table has a tenth of it (the ECB's wide rate file, the widest,
    /// has about 40). Every row is kept as wide as the header, so a header reaching out to XFD would
    /// make each one-cell row cost 128 KB.
    /// </summary>
    public const int MaxHeaderColumns = 256;

    /// <summary>The most cells (rows times the header's columns) a sheet's table may hold: 16,777,216.</summary>
    public const int MaxCells = 1 << 24;

    /// <summary>The most characters the shared strings may hold together (256 MB as .NET strings).</summary>
    public const int MaxSharedCharacters = 1 << 27;

    /// <summary>
    /// The fewest bytes of sheet XML a cell naming a shared string takes: <c>&lt;c
    /// t="s"&gt;&lt;v&gt;0&lt;/v&gt;&lt;/c&gt;</c>.
    /// </summary>
    private const int SharedCellBytes = 21;

    /// <summary>The shared strings any sheet may have unused, as some writers leave them.</summary>
    private const int SpareSharedStrings = 65_536;

    /// <summary>Reads the first worksheet; a problem of a single row is the read's only problem.</summary>
    public static Result<TextTable> Read(string name, byte[] bytes)
    {
        var problems = new List<Problem>();
        var table = Read(name, bytes, problems);
        return problems.Count > 0 ? problems[0] : table;
    }

    /// <summary>
    /// Reads the first worksheet. A damaged or oversized workbook is the result's problem; a row with
    /// a value beyond the header's last column is left out and reported in <paramref name="problems"/>.
    /// Rows and columns are bounded by Excel's own limits, what the package may unpack by <see cref="XlsxPackage"/>.
    /// </summary>
    public static Result<TextTable> Read(string name, byte[] bytes, ICollection<Problem> problems)
    {
        try
        {
            using var package = XlsxPackage.Open(name, bytes);
            var workbookPart = package.Relationships("").Values.FirstOrDefault(r => r.Type == "officeDocument").Target;
            if (workbookPart is null || !package.Has(workbookPart))
                return new Problem(name, "", "not an Excel workbook (.xlsx) or a damaged one: it has no workbook part");
            var parts = package.Relationships(workbookPart);
            var (sheetName, sheetId) = FirstSheet(package, workbookPart);
            if (sheetId is null)
                return new Problem(name, "", "the workbook has no worksheet");
            if (!parts.TryGetValue(sheetId, out var sheet) || sheet.Type != "worksheet" || !package.Has(sheet.Target))
                return new Problem(name, "", $"the first sheet, \"{Shown(sheetName)}\", is not a "
                    + "worksheet (a chart?); put the table on the first sheet");
            // A sheet cannot name more shared strings than it holds cells: a table of millions of
            // empty strings beside a small sheet is refused as soon as it passes that count.
            var most = (int)Math.Clamp(package.Size(sheet.Target) / SharedCellBytes, SpareSharedStrings, MaxCells);
            var shared = parts.Values.FirstOrDefault(p => p.Type == "sharedStrings").Target is { } sharedPart
                && package.Has(sharedPart)
                ? SharedStrings(name, package, sharedPart, most) : [];
            var dateStyles = parts.Values.FirstOrDefault(p => p.Type == "styles").Target is { } stylesPart
                && package.Has(stylesPart)
                ? DateStyles(package, stylesPart) : [];
            return Rows(name, package, sheet.Target, shared, dateStyles, problems);
        }
        catch (ProblemException e)
        {
            return e.Problems[0];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or NotSupportedException)
        {
            return new Problem(name, "", $"not an Excel workbook (.xlsx) or a damaged one: {Shown(e.Message, 300)}");
        }
    }

    private static (string? Name, string? Id) FirstSheet(XlsxPackage package, string workbookPart)
    {
        using var reader = package.Read(workbookPart);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "sheet")
                continue;
            string? id = null;
            while (reader.MoveToNextAttribute())
                if (reader.LocalName == "id" && reader.Prefix.Length > 0)
                    id = reader.Value;
            reader.MoveToElement();
            return (reader.GetAttribute("name"), id);
        }
        return (null, null);
    }

    private static TextTable Rows(
        string name, XlsxPackage package, string sheetPart, string[] shared, HashSet<uint> dateStyles,
        ICollection<Problem> problems)
    {
        using var reader = package.Read(sheetPart);
        string[]? header = null;
        var rows = new List<TextRow>();
        var cells = new SortedDictionary<int, string>();
        var text = new StringBuilder();
        var line = 0;
        var seen = 0;
        var held = 0L;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
                continue;
            if (++seen > MaxRows)
                throw new ProblemException(
                    new Problem(name, "", $"more than {MaxRows} rows in the sheet, Excel's limit"));
            line = RowNumber(name, reader.GetAttribute("r"), line);
            cells.Clear();
            var beyond = (string?)null;
            var position = 0;
            if (!reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                while (reader.Read() && reader.Depth > depth)
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
                        continue;
                    // A cell without a reference stands right after the previous one.
                    var reference = reader.GetAttribute("r") is { Length: > 0 } r ? r : null;
                    position = reference is null ? position : ColumnIndex(name, line, reference);
                    if (position >= MaxColumns)
                        throw new ProblemException(
                            new Problem(
                                $"{name}:{line}", "",
                                $"more than {MaxColumns} cells in the row (Excel's last column is XFD)"));
                    var value = CellText(name, line, reader, shared, dateStyles, text);
                    if (value.Length > 0)
                    {
                        if (header is not null && position >= header.Length)
                            beyond ??= reference ?? ColumnName(position) + line.ToString(CultureInfo.InvariantCulture);
                        else
                            cells[position] = value;
                    }
                    position++;
                }
            }
            if (beyond is not null)
            {
                problems.Add(new Problem($"{name}:{line}", Shown(beyond),
                    "a value beyond the header's last column "
                        + $"({ColumnName(header!.Length - 1)}); expected {header.Length} columns"));
                continue;
            }
            if (cells.Count == 0)
                continue;
            var width = header?.Length ?? cells.Keys.Max() + 1;
            if (header is null && width > MaxHeaderColumns)
                throw new ProblemException(
                    new Problem($"{name}:{line}", "", $"the header row has {width} columns (up to "
                    + $"{ColumnName(width - 1)}); no table has more than "
                        + $"{MaxHeaderColumns}: is the table the first sheet's first row?"));
            if ((held += width) > MaxCells)
                throw new ProblemException(
                    new Problem($"{name}:{line}", "", $"the sheet holds more than {MaxCells} cells "
                    + $"(rows times the header's {width} columns); split the table, or save it as CSV"));
            var record = new string[width];
            for (var i = 0; i < width; i++)
                record[i] = cells.GetValueOrDefault(i, "");
            if (header is null)
                header = record;
            else
                rows.Add(new TextRow(line, record));
        }
        if (header is null)
            throw new ProblemException(
                new Problem(name, "", "the first worksheet is empty; expected a header row of column names"));
        return new TextTable(name, header, rows);
    }

    /// <summary>The row's number: its <c>r</c>, or the one after the previous row.</summary>
    private static int RowNumber(string name, string? r, int previous)
    {
        if (r is null)
            return previous < MaxRows ? previous + 1 : throw BeyondLastRow(name, previous + 1L);
        if (!long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            throw new ProblemException(
                new Problem($"{name}:{previous + 1}", "", $"row number \"{Shown(r)}\" is not a number 1..{MaxRows}"));
        return number <= MaxRows ? (int)number : throw BeyondLastRow(name, number);
    }

    private static ProblemException BeyondLastRow(string name, long number) =>
        new(new Problem($"{name}:{number}", "", $"row {number} is beyond Excel's last row, {MaxRows}"));

    /// <summary>The text of the cell the reader stands on, leaving the reader on its end.</summary>
    private static string CellText(
        string name, int line, XmlReader reader, string[] shared, HashSet<uint> dateStyles, StringBuilder text)
    {
        var type = reader.GetAttribute("t");
        var style = uint.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? s
            : (uint?)null;
        string? raw = null;
        string? inline = null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.Read() && reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element)
                    continue;
                if (reader.LocalName == "v")
                    raw = ElementText(name, line, reader, text);
                else if (reader.LocalName == "is")
                    inline = StringItem(name, line, reader, text);
            }
        }
        raw ??= "";
        if (type is null && style is { } index && dateStyles.Contains(index)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
                && serial is > 0 and < 2958466)
            return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return type switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length
                ? shared[i]
                : "",
            "inlineStr" => inline ?? "",
            "b" => raw == "1" ? "TRUE" : "FALSE",
            "str" or "e" => raw.Trim(),
            _ => ShortestNumber(raw.Trim()),
        };
    }

    /// <summary>
    /// The text of a string item (<c>si</c> or <c>is</c>): its <c>t</c> runs, without phonetic guides; ends on its end.
    /// </summary>
    private static string StringItem(string name, int line, XmlReader reader, StringBuilder text)
    {
        text.Clear();
        if (reader.IsEmptyElement)
            return "";
        var depth = reader.Depth;
        var phonetic = false;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
                phonetic = !reader.IsEmptyElement;
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "rPh")
                phonetic = false;
            else if (!phonetic && reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && !reader.IsEmptyElement)
                AppendText(name, line, reader, text);
        }
        return XlsxEscapes.Decode(text.ToString()).Trim();
    }

    private static string ElementText(string name, int line, XmlReader reader, StringBuilder text)
    {
        text.Clear();
        if (!reader.IsEmptyElement)
            AppendText(name, line, reader, text);
        return text.ToString();
    }

    /// <summary>The buffer text is read through, one per thread: a million cells must not allocate a million.</summary>
    [ThreadStatic]
    private static char[]? t_chunk;

    /// <summary>
    /// Appends the text of the element the reader stands on, a chunk at a time, up to Excel's cell limit.
    /// </summary>
    private static void AppendText(string name, int line, XmlReader reader, StringBuilder text)
    {
        var depth = reader.Depth;
        var chunk = t_chunk ??= new char[4096];
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
                continue;
            int read;
            while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                text.Append(chunk, 0, read);
                if (text.Length > MaxCellLength * XlsxEscapes.MaxLength)
                    throw new ProblemException(
                        new Problem(
                            $"{name}:{line}", "", $"a cell holds more than {MaxCellLength} characters, Excel's limit"));
            }
        }
    }

    /// <summary>
    /// The shared strings, at most <paramref name="most"/> of them and <see cref="MaxSharedCharacters"/> characters.
    /// </summary>
    private static string[] SharedStrings(string name, XlsxPackage package, string part, int most)
    {
        using var reader = package.Read(part);
        var strings = new List<string>();
        var text = new StringBuilder();
        var characters = 0L;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
                continue;
            if (strings.Count == most)
                throw new ProblemException(
                    new Problem(name, "", $"the workbook's shared strings ({part}) are more than {most}, "
                    + "more than its sheet has cells to show; refused as a possible zip bomb; save the table as CSV"));
            var item = StringItem(name, 0, reader, text);
            if ((characters += item.Length) > MaxSharedCharacters)
                throw new ProblemException(
                    new Problem(name, "", $"the workbook's shared strings ({part}) hold more than "
                    + $"{MaxSharedCharacters} characters; save the table as CSV, or split it"));
            strings.Add(item);
        }
        return [.. strings];
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
    private static HashSet<uint> DateStyles(XlsxPackage package, string part)
    {
        var customDates = new HashSet<uint>();
        var styles = new HashSet<uint>();
        using var reader = package.Read(part);
        var inCellFormats = false;
        uint index = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
                inCellFormats = false;
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            if (reader.LocalName == "numFmt"
                && uint.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var custom)
                && LooksLikeDate(reader.GetAttribute("formatCode") ?? ""))
                customDates.Add(custom);
            else if (reader.LocalName == "cellXfs")
                inCellFormats = !reader.IsEmptyElement;
            else if (inCellFormats && reader.LocalName == "xf")
            {
                var id = uint.TryParse(
                    reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    ? n
                    : 0;
                if (id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58) || customDates.Contains(id))
                    styles.Add(index);
                index++;
            }
        }
        return styles;
    }

    private static bool LooksLikeDate(string formatCode)
    {
        // Ignore quoted text and [colour]/[locale] sections, then look for day, month or year codes.
        var plain = System.Text.RegularExpressions.Regex.Replace(formatCode, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
        return plain.IndexOfAny(['d', 'y', 'D', 'Y']) >= 0;
    }

    /// <summary>The zero-based column of a reference such as <c>AB12</c>, at most <c>XFD</c>.</summary>
    private static int ColumnIndex(string name, int line, string reference)
    {
        var index = 0;
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            index = (index * 26) + (char.ToUpperInvariant(reference[letters]) - 'A' + 1);
            if (++letters > 3 || index > MaxColumns)
                throw new ProblemException(
                    new Problem($"{name}:{line}", Shown(reference), "a cell beyond Excel's last column, XFD"));
        }
        if (letters == 0)
            throw new ProblemException(
                new Problem($"{name}:{line}", Shown(reference), "not a cell reference such as B2"));
        return index - 1;
    }

    /// <summary>Text from the file as a message may show it: short, and without control characters.</summary>
    private static string Shown(string? text, int most = 40)
    {
        text ??= "";
        var shown = text.Length > most ? text[..most] + "..." : text;
        return shown.Any(char.IsControl) ? new string([.. shown.Select(c => char.IsControl(c) ? '\uFFFD' : c)]) : shown;
    }

    /// <summary>Writes a workbook with one sheet; cells of <paramref name="numeric"/> columns become numbers.</summary>
    public static void Write(
        Stream stream, string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlySet<int> numeric)
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
        workbook.Workbook.AppendChild(
            new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        workbook.Workbook.Save();
    }

    private static Row MakeRow(uint index, IReadOnlyList<string> cells, IReadOnlySet<int> numeric)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            // Text goes out as an inline string, which Excel shows and never evaluates (no formula
            // injection); characters XML cannot hold are escaped the way Excel does.
            row.Append(numeric.Contains(i) && IsNumber(cells[i])
                ? new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.Number,
                    CellValue = new CellValue(cells[i]),
                }
                : new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(
                        new Text(XlsxEscapes.Encode(cells[i])) { Space = SpaceProcessingModeValues.Preserve }),
                });
        }
        return row;
    }

    private static bool IsNumber(string text) =>
        text.Length > 0
            && decimal.TryParse(
                text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
                out _);

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }
}
