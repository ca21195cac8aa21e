using System.Text;
using Mainstay.Problems;

namespace Mainstay.Data.Files;

/// <summary>
/// Reads and writes RFC 4180 CSV: UTF-8 (a byte-order mark is accepted), comma-separated, one
/// header row; CRLF and blank lines are accepted and spaces around fields trimmed. A record holds
/// at most <see cref="MaxFields"/> fields of at most <see cref="MaxFieldLength"/> characters, Excel's
/// limits, so whatever is read also fits a spreadsheet and a stray quote cannot swallow the file.
/// </summary>
public static class CsvTableFile
{
    /// <summary>Excel's last column, XFD.</summary>
    public const int MaxFields = 16_384;

    /// <summary>The most characters Excel keeps in a cell.</summary>
    public const int MaxFieldLength = 32_767;

    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Result<TextTable> Read(string name, byte[] bytes)
    {
        var text = DecodeUtf8(name, bytes);
        if (!text.IsOk)
            return text.Problem;
        return Parse(name, text.Value);
    }

    /// <summary>
    /// Decodes strict UTF-8 text, refusing binary files with the line and byte of the first bad byte.
    /// </summary>
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
            return new Problem(
                $"{name}:{line}", "",
                $"not UTF-8 text (byte 0x{bytes[offset]:X2} at offset {offset}); save the file as CSV UTF-8");
        }
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var line = 1 + text.AsSpan(0, nul).Count('\n');
            return new Problem(
                $"{name}:{line}", "", "not a text file (it contains NUL bytes); expected CSV text in UTF-8");
        }
        return Result<string>.Ok(text.StartsWith('\uFEFF') ? text[1..] : text);
    }

    private static int FirstInvalidUtf8(byte[] bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(
            bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }

    /// <summary>
    /// Parses RFC 4180 text. Written by hand rather than with a library (CsvHelper's reader was about
    /// four times slower here, does not give the line a record starts on, and does not trim for
    /// native compilation): the planner reads a million
    /// rows, and every message names its line. A quote opens a quoted field only at the start of a
    /// field (after optional spaces); elsewhere it is an ordinary character, as in <c>12" barrel</c>.
    /// </summary>
    public static Result<TextTable> Parse(string name, string text)
    {
        string[]? header = null;
        var rows = new List<TextRow>();
        var problem = ReadRecords(name, text, (line, fields) =>
        {
            if (header is null)
                header = [.. fields];
            else
                rows.Add(new TextRow(line, [.. fields]));
        });
        if (problem is not null)
            return problem;
        if (header is null)
            return new Problem(name, "", "the file is empty; expected a header row of column names");
        return Result<TextTable>.Ok(new TextTable(name, header, rows));
    }

    /// <summary>
    /// Hands each record (the header first) to <paramref name="onRecord"/> with the line it starts
    /// on, skipping blank ones. The list is reused for the next record: copy what you keep.
    /// Returns the problem that stopped the reading, if any.
    /// </summary>
    public static Problem? ReadRecords(string name, string text, Action<int, List<string>> onRecord)
    {
        var fields = new List<string>(16);
        var pool = new ColumnPool();
        var quoted = new StringBuilder();
        var position = 0;
        var line = 1;
        while (position < text.Length)
        {
            var recordLine = line;
            fields.Clear();
            while (true)
            {
                while (position < text.Length && text[position] is ' ' or '\t')
                    position++;
                string field;
                if (position < text.Length && text[position] == '"')
                {
                    var openedOn = line;
                    position++;
                    quoted.Clear();
                    while (true)
                    {
                        if (position >= text.Length)
                            return new Problem(
                                $"{name}:{openedOn}", "", "a quoted field is never closed: the file looks truncated");
                        var c = text[position++];
                        if (c == '"')
                        {
                            if (position < text.Length && text[position] == '"')
                            {
                                quoted.Append('"');
                                position++;
                                continue;
                            }
                            break;
                        }
                        if (c == '\n')
                            line++;
                        quoted.Append(c);
                        if (quoted.Length > MaxFieldLength)
                            return new Problem($"{name}:{openedOn}", "", $"a quoted field runs past {MaxFieldLength} "
                                + "characters (Excel's limit for a cell); is a quote left open?");
                    }
                    var restStart = position;
                    position = EndOfField(text, position);
                    var rest = text.AsSpan(restStart, position - restStart).Trim(" \t");
                    field = rest.Length == 0 ? quoted.ToString() : string.Concat(quoted.ToString(), rest);
                }
                else
                {
                    var start = position;
                    position = EndOfField(text, position);
                    field = pool.Text(fields.Count, text.AsSpan(start, position - start).Trim(" \t"));
                }
                if (field.Length > 1 && field[0] == '\'')
                    field = CsvCells.Unprotect(field);
                if (field.Length > MaxFieldLength)
                    return new Problem($"{name}:{line}", "", $"a field of {field.Length} characters; the most is "
                        + $"{MaxFieldLength} (Excel's limit for a cell)");
                fields.Add(field);
                if (fields.Count > MaxFields)
                    return new Problem(
                        $"{name}:{recordLine}", "",
                        $"more than {MaxFields} fields in one record (Excel's last column is XFD)");
                if (position < text.Length && text[position] == ',')
                {
                    position++;
                    continue;
                }
                if (position < text.Length && text[position] == '\r')
                    position++;
                if (position < text.Length && text[position] == '\n')
                    position++;
                line++;
                break;
            }
            if (fields.TrueForAll(f => f.Length == 0))
                continue; // a blank line, or a spreadsheet's row of empty cells (",,,")
            onRecord(recordLine, fields);
        }
        return null;
    }

    private static int EndOfField(string text, int position)
    {
        var end = text.AsSpan(position).IndexOfAny(",\r\n");
        return end < 0 ? text.Length : position + end;
    }

    /// <summary>
    /// A field as RFC 4180 writes it: quoted when it holds a comma, quote or line break, or starts or
    /// ends with a space or tab (which reading would otherwise trim away).
    /// </summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0
            && (value.Length == 0 || (value[0] is not (' ' or '\t') && value[^1] is not (' ' or '\t')))
            ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Writes a header and rows as UTF-8 CSV with LF line ends, each cell protected from being run
    /// as a formula (<see cref="CsvCells"/>), which reading undoes.
    /// </summary>
    public static void Write(Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(string.Join(',', header.Select(Field)));
        writer.Write('\n');
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                    writer.Write(',');
                writer.Write(Field(CsvCells.Protect(row[i])));
            }
            writer.Write('\n');
        }
    }
}
