using Mainstay.Data.Files;
using Mainstay.Data.Ledger;
using Mainstay.Ledger;
using Mainstay.Problems;

namespace Mainstay.Data.Import;

/// <summary>
/// Checks a table of text against its ledger kind: header (missing, unknown and repeated columns),
/// each field, duplicate keys and what can only be seen between rows. Reports every problem.
/// </summary>
public static class TableValidation
{
    /// <param name="rowsOnly">Check each row alone, not what shows between rows: the table is not whole (a single row
    /// to edit).</param>
    /// <param name="badKeys">
    /// Gets the keys of the rows left out for problems of their own, where their key cells are there.
    /// </param>
    public static IReadOnlyList<SourcedRow> Validate(
        LedgerKind kind, TextTable table, ICollection<Problem> problems, IProgress<long>? progress = null,
        bool rowsOnly = false, ISet<string>? badKeys = null)
    {
        var rows = new List<SourcedRow>(table.Rows.Count);
        var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        ForEachRow(kind, table, problems, badKeys, (reader, line) =>
        {
            var cells = kind.Canonicalize(reader);
            if (cells is null)
            {
                if (badKeys is not null && RawKey(kind, reader.Optional) is { } key)
                    badKeys.Add(key);
                return;
            }
            if (IsDuplicate(kind, kind.KeyOf(cells), line, reader, firstLineOfKey, problems))
                return;
            rows.Add(new SourcedRow(reader.Where, cells));
            if (rows.Count % 10_000 == 0)
                progress?.Report(rows.Count);
        });
        if (!rowsOnly)
            foreach (var problem in kind.CheckTogether(rows))
                problems.Add(problem);
        return rows;
    }

    private static bool IsDuplicate(
        LedgerKind kind, string key, int line, RowReader reader, Dictionary<string, int> firstLineOfKey,
        ICollection<Problem> problems)
    {
        if (firstLineOfKey.TryAdd(key, line))
            return false;
        problems.Add(
            new Problem(
                reader.Where, kind.Columns[0].Name,
                $"duplicate {kind.KeyDescription} \"{key}\"; first on line {firstLineOfKey[key]}"));
        return true;
    }

    /// <summary>
    /// Checks the header, then hands each row of the right width to <paramref name="read"/>; the key of
    /// a row of the wrong width goes to <paramref name="badKeys"/> when its key cells are there.
    /// </summary>
    private static void ForEachRow(
        LedgerKind kind, TextTable table, ICollection<Problem> problems, ISet<string>? badKeys,
        Action<RowReader, int> read)
    {
        var index = IndexColumns(kind, table.Name, table.Header, problems, strictColumns: false);
        if (index is null)
            return;
        var rows = new Rows(table.Name, table.Header.Length, index, problems, cache: null);
        foreach (var row in table.Rows)
            if (rows.Read(row.Line, row.Cells) is { } reader)
                read(reader, row.Line);
            else if (badKeys is not null && RawKey(kind, c => CellOf(row.Cells, index[c])) is { } key)
                badKeys.Add(key);
    }

    private static string CellOf(IReadOnlyList<string> cells, int i) => i < cells.Count ? cells[i].Trim() : "";

    /// <summary>The key of a row as its cells give it, or null when a key cell is empty.</summary>
    private static string? RawKey(LedgerKind kind, Func<string, string> cell)
    {
        var cells = kind.Columns.Take(kind.KeyColumns).Select(c => cell(c.Name)).ToArray();
        return cells.Any(c => c.Length == 0) ? null : kind.KeyOf(cells);
    }

    /// <summary>
    /// Reads CSV text straight into records as it is parsed, keeping nothing of a row but its
    /// record: what the planner needs to read a million rows in little time and memory. The
    /// checks and messages are those of <see cref="Validate"/>; with <paramref name="strictColumns"/>
    /// an optional column counts as unknown, as the planning contract wants. Rows with problems are
    /// left out (and reported).
    /// </summary>
    public static List<T> ReadRecords<T>(
        LedgerKind<T> kind, string name, string text, ICollection<Problem> problems, Func<T, string> key,
        bool strictColumns)
        where T : class
    {
        // Size the collections once: a million rows would otherwise be re-hashed and copied as they grow.
        var lines = text.AsSpan().Count('\n') + 1;
        var records = new List<T>(lines);
        var firstLineOfKey = new Dictionary<string, int>(lines, StringComparer.Ordinal);
        var cache = new RowCache();
        Rows? rows = null;
        var headerSeen = false;
        var problem = CsvTableFile.ReadRecords(name, text, (line, fields) =>
        {
            if (!headerSeen)
            {
                headerSeen = true;
                var index = IndexColumns(kind, name, [.. fields], problems, strictColumns);
                rows = index is null ? null : new Rows(name, fields.Count, index, problems, cache);
                return;
            }
            if (rows?.Read(line, fields) is not { } reader)
                return;
            var record = kind.Read(reader);
            if (!reader.HasProblems && !IsDuplicate(kind, key(record), line, reader, firstLineOfKey, problems))
                records.Add(record);
        });
        if (problem is not null)
            problems.Add(problem);
        else if (!headerSeen)
            problems.Add(new Problem(name, "", "the file is empty; expected a header row of column names"));
        return records;
    }

    private static Dictionary<string, int>? IndexColumns(
        LedgerKind kind, string name, string[] header, ICollection<Problem> problems, bool strictColumns)
    {
        var columns = strictColumns ? kind.Columns.Where(c => !c.Optional).ToArray() : kind.Columns;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var headerOk = true;
        for (var i = 0; i < header.Length; i++)
        {
            var column = header[i];
            if (column.Length == 0 && i == header.Length - 1)
                continue; // a trailing comma, as spreadsheets and the ECB write
            if (!columns.Any(c => c.Name == column))
            {
                problems.Add(
                    new Problem(
                        $"{name}:1", column, $"unknown column; {kind.Name} files have "
                            + $"{string.Join(", ", columns.Select(c => c.Name))}"));
                headerOk = false;
            }
            else if (!index.TryAdd(column, i))
            {
                problems.Add(new Problem($"{name}:1", column, "column appears twice"));
                headerOk = false;
            }
        }
        foreach (var column in columns.Where(c => !c.Optional && !index.ContainsKey(c.Name)))
        {
            problems.Add(new Problem($"{name}:1", column.Name, "missing column"));
            headerOk = false;
        }
        return headerOk ? index : null;
    }

    /// <summary>
    /// Hands each row of a table to a <see cref="RowReader"/>, one reader for all rows (a million
    /// rows would otherwise cost a million readers and their closures); reports rows of the wrong width.
    /// </summary>
    private sealed class Rows
    {
        private readonly string _name;
        private readonly int _headerLength;
        private readonly int _width;
        private readonly ICollection<Problem> _problems;
        private readonly RowReader _reader;
        private readonly KeyValuePair<string, int>[] _columns;
        private int _line;
        private IReadOnlyList<string> _cells = [];

        public Rows(
            string name, int headerLength, Dictionary<string, int> index, ICollection<Problem> problems,
            RowCache? cache)
        {
            _name = name;
            _headerLength = headerLength;
            _width = index.Count == 0 ? 0 : index.Values.Max() + 1;
            _problems = problems;
            _columns = [.. index];
            // The location is built only if a problem needs it: a million rows rarely do.
            _reader = new RowReader(
                () => $"{_name}:{_line}", column => index.TryGetValue(column, out var i) ? _cells[i] : null, problems,
                cache);
        }

        /// <summary>The reader of the row, or null (and the problem reported) when its width is wrong.</summary>
        public RowReader? Read(int line, IReadOnlyList<string> cells)
        {
            if (cells.Count < _width)
            {
                _problems.Add(TextTable.CutShort($"{_name}:{line}", cells.Count, _headerLength)!);
                return null;
            }
            if (cells.Count > _headerLength && cells.Skip(_headerLength).Any(c => c.Length > 0))
            {
                _problems.Add(
                    new Problem($"{_name}:{line}", "", $"expected {_headerLength} fields, got {cells.Count}"));
                return null;
            }
            _line = line;
            _cells = cells;
            _reader.Reset();
            foreach (var (column, i) in _columns)
                if (CellText.Problem(cells[i]) is { } problem)
                    _reader.Fail(column, problem);
            return _reader;
        }
    }

    /// <summary>
    /// Checks that every nation code in <paramref name="rows"/> is one of <paramref name="nations"/>.
    /// </summary>
    public static void CheckNationReferences(
        LedgerKind kind, IReadOnlyList<SourcedRow> rows, IReadOnlySet<string> nations, ICollection<Problem> problems)
    {
        var referring = kind.Columns.Select((c, i) => (c, i)).Where(p => p.c.References != NationReference.None)
            .ToArray();
        foreach (var row in rows)
            foreach (var (column, i) in referring)
            {
                var codes = column.References == NationReference.One
                    ? [row.Cells[i]]
                    : row.Cells[i].Split(';', StringSplitOptions.RemoveEmptyEntries);
                foreach (var code in codes.Where(c => !(c == "*" && column.References == NationReference.ListOrAny) && !nations.Contains(c)))
                    problems.Add(
                        new Problem(
                            row.Where, column.Name,
                            $"unknown nation \"{code}\"; add it to nations.csv first (or import both together)"));
            }
    }
}
