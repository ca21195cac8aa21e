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
    public static IReadOnlyList<SourcedRow> Validate(LedgerKind kind, TextTable table, ICollection<Problem> problems, IProgress<long>? progress = null)
    {
        var rows = new List<SourcedRow>(table.Rows.Count);
        var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        ForEachRow(kind, table, problems, strictColumns: false, (reader, row) =>
        {
            var cells = kind.Canonicalize(reader);
            if (cells is null)
                return;
            if (IsDuplicate(kind, kind.KeyOf(cells), row, reader.Where, firstLineOfKey, problems))
                return;
            rows.Add(new SourcedRow(reader.Where, cells));
            if (rows.Count % 10_000 == 0)
                progress?.Report(rows.Count);
        });
        foreach (var problem in kind.CheckTogether(rows))
            problems.Add(problem);
        return rows;
    }

    /// <summary>
    /// Reads a table straight into records, for the planner: the same checks as <see cref="Validate"/>,
    /// but with <paramref name="strictColumns"/> an optional column counts as unknown, as the planning
    /// contract wants. Rows with problems are left out (and reported).
    /// </summary>
    public static List<T> ReadRecords<T>(LedgerKind<T> kind, TextTable table, ICollection<Problem> problems, Func<T, string> key, bool strictColumns)
        where T : class
    {
        var records = new List<T>(table.Rows.Count);
        var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        ForEachRow(kind, table, problems, strictColumns, (reader, row) =>
        {
            var record = kind.Read(reader);
            if (!reader.HasProblems && !IsDuplicate(kind, key(record), row, reader.Where, firstLineOfKey, problems))
                records.Add(record);
        });
        return records;
    }

    private static bool IsDuplicate(LedgerKind kind, string key, TextRow row, string where, Dictionary<string, int> firstLineOfKey, ICollection<Problem> problems)
    {
        if (firstLineOfKey.TryAdd(key, row.Line))
            return false;
        problems.Add(new Problem(where, kind.Columns[0].Name, $"duplicate {kind.KeyDescription} \"{key}\"; first on line {firstLineOfKey[key]}"));
        return true;
    }

    /// <summary>Checks the header, then hands each row of the right width to <paramref name="read"/>.</summary>
    private static void ForEachRow(LedgerKind kind, TextTable table, ICollection<Problem> problems, bool strictColumns, Action<RowReader, TextRow> read)
    {
        var columns = strictColumns ? kind.Columns.Where(c => !c.Optional).ToArray() : kind.Columns;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var headerOk = true;
        for (var i = 0; i < table.Header.Length; i++)
        {
            var name = table.Header[i];
            if (name.Length == 0 && i == table.Header.Length - 1)
                continue; // a trailing comma, as spreadsheets and the ECB write
            if (!columns.Any(c => c.Name == name))
            {
                problems.Add(new Problem($"{table.Name}:1", name, $"unknown column; {kind.Name} files have {string.Join(", ", columns.Select(c => c.Name))}"));
                headerOk = false;
            }
            else if (!index.TryAdd(name, i))
            {
                problems.Add(new Problem($"{table.Name}:1", name, "column appears twice"));
                headerOk = false;
            }
        }
        foreach (var column in columns.Where(c => !c.Optional && !index.ContainsKey(c.Name)))
        {
            problems.Add(new Problem($"{table.Name}:1", column.Name, "missing column"));
            headerOk = false;
        }
        if (!headerOk)
            return;

        var width = index.Values.DefaultIfEmpty(-1).Max() + 1;
        foreach (var row in table.Rows)
        {
            var where = $"{table.Name}:{row.Line}";
            if (row.Cells.Length < width)
            {
                problems.Add(new Problem(where, "", $"expected {table.Header.Length} fields, got {row.Cells.Length}; is the line cut short?"));
                continue;
            }
            if (row.Cells.Length > table.Header.Length && row.Cells.Skip(table.Header.Length).Any(c => c.Length > 0))
            {
                problems.Add(new Problem(where, "", $"expected {table.Header.Length} fields, got {row.Cells.Length}"));
                continue;
            }
            read(new RowReader(where, column => index.TryGetValue(column, out var i) ? row.Cells[i] : null, problems), row);
        }
    }

    /// <summary>Checks that every nation code in <paramref name="rows"/> is one of <paramref name="nations"/>.</summary>
    public static void CheckNationReferences(LedgerKind kind, IReadOnlyList<SourcedRow> rows, IReadOnlySet<string> nations, ICollection<Problem> problems)
    {
        var referring = kind.Columns.Select((c, i) => (c, i)).Where(p => p.c.References != NationReference.None).ToArray();
        foreach (var row in rows)
            foreach (var (column, i) in referring)
            {
                var codes = column.References == NationReference.One ? [row.Cells[i]] : row.Cells[i].Split(';', StringSplitOptions.RemoveEmptyEntries);
                foreach (var code in codes.Where(c => !(c == "*" && column.References == NationReference.ListOrAny) && !nations.Contains(c)))
                    problems.Add(new Problem(row.Where, column.Name, $"unknown nation \"{code}\"; add it to nations.csv first (or import both together)"));
            }
    }
}
