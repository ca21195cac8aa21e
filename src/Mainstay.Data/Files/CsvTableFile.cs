using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Mainstay.Problems;

namespace Mainstay.Data.Files;

/// <summary>
/// Reads and writes RFC 4180 CSV: UTF-8 (a byte-order mark is accepted), comma-separated, one
/// header row; CRLF and blank lines are accepted and spaces around fields trimmed.
/// </summary>
public static class CsvTableFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Result<TextTable> Read(string name, byte[] bytes)
    {
        var text = DecodeUtf8(name, bytes);
        if (!text.IsOk)
            return text.Problem;
        return Parse(name, text.Value);
    }

    /// <summary>Decodes strict UTF-8 text, refusing binary files with the line and byte of the first bad byte.</summary>
    public static Result<string> DecodeUtf8(string name, byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, e.Index);
            var badOffset = FirstInvalidUtf8(bytes);
            offset = badOffset >= 0 ? badOffset : offset;
            var line = 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
            return new Problem($"{name}:{line}", "", $"not UTF-8 text (byte 0x{bytes[offset]:X2} at offset {offset}); save the file as CSV UTF-8");
        }
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var line = 1 + text.AsSpan(0, nul).Count('\n');
            return new Problem($"{name}:{line}", "", "not a text file (it contains NUL bytes); expected CSV text in UTF-8");
        }
        return Result<string>.Ok(text.StartsWith('\uFEFF') ? text[1..] : text);
    }

    private static int FirstInvalidUtf8(byte[] bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }

    public static Result<TextTable> Parse(string name, string text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, configuration);
        string[]? header = null;
        var rows = new List<TextRow>();
        var lastRawRow = 0;
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            var line = LineOfRecordStart(parser, lastRawRow);
            lastRawRow = parser.RawRow;
            if (record.All(cell => cell.Length == 0))
                continue; // a blank line, or a spreadsheet's row of empty cells (",,,")
            if (header is null)
                header = record;
            else
                rows.Add(new TextRow(line, record));
        }
        if (header is null)
            return new Problem(name, "", "the file is empty; expected a header row of column names");
        var unterminated = UnterminatedQuoteLine(text);
        if (unterminated > 0)
            return new Problem($"{name}:{unterminated}", "", "a quoted field is never closed: the file looks truncated");
        return Result<TextTable>.Ok(new TextTable(name, header, rows));
    }

    // CsvParser.RawRow counts physical lines up to the end of the current record; a quoted field
    // may span several, so the record starts after the previous record's last line.
    private static int LineOfRecordStart(CsvParser parser, int previousRawRow)
    {
        var raw = parser.RawRecord.AsSpan().TrimEnd("\r\n");
        var spanned = raw.Count('\n');
        return Math.Max(previousRawRow + 1, parser.RawRow - spanned);
    }

    /// <summary>
    /// The line where a quoted field opens and never closes, or 0. As in RFC 4180, a quote opens a
    /// quoted field only at the start of a field (after optional spaces); elsewhere it is an
    /// ordinary character, as in <c>12" barrel</c>.
    /// </summary>
    private static int UnterminatedQuoteLine(string text)
    {
        var line = 1;
        var openedAt = 0;
        var inQuotes = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                        i++;
                    else
                        inQuotes = false;
                }
                else if (c == '\n')
                {
                    line++;
                }
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart:
                    inQuotes = true;
                    openedAt = line;
                    atFieldStart = false;
                    break;
                case ',':
                    atFieldStart = true;
                    break;
                case '\n':
                    line++;
                    atFieldStart = true;
                    break;
                case ' ' or '\t' or '\r':
                    break;
                default:
                    atFieldStart = false;
                    break;
            }
        }
        return inQuotes ? openedAt : 0;
    }

    /// <summary>A field as RFC 4180 writes it: quoted only when it holds a comma, quote or line break.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static void Write(Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        foreach (var name in header)
            csv.WriteField(name);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row)
                csv.WriteField(cell);
            csv.NextRecord();
        }
    }
}
