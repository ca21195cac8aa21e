using Mainstay.Data.Audit;
using Mainstay.Data.Files;
using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;
using Mainstay.Problems;

namespace Mainstay.Data.Import;

/// <summary>A table that passed validation, ready to replace its kind's rows in the ledger.</summary>
public sealed record ValidatedTable(string Source, LedgerKind Kind, IReadOnlyList<SourcedRow> Rows)
{
    /// <summary>Rows of the file left out, one line per reason with its count (see <see cref="TextTable.Skipped"/>).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}

/// <summary>What an import did to one table.</summary>
public sealed record TableChange(string Source, LedgerKind Kind, int Added, int Changed, int Removed, int Unchanged)
{
    /// <summary>Rows of the file left out, one line per reason with its count.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public bool Any => Added + Changed + Removed > 0;
}

/// <summary>Either every problem found (and nothing changed) or what changed.</summary>
public sealed record ImportOutcome(IReadOnlyList<Problem> Problems, IReadOnlyList<TableChange> Changes)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>How far a long import has come.</summary>
public sealed record ImportProgress(string Stage, long Done, long Total);

/// <summary>
/// Imports ledger files all or nothing. A file holds the whole of its kind: rows are matched by
/// key, so a re-import of the same file changes nothing, and a changed file adds, updates and
/// removes rows to match it. Every change is written to the audit trail in the same transaction.
/// </summary>
public static class LedgerImport
{
    /// <summary>Reads and checks files without touching any database; every problem is collected.</summary>
    public static (IReadOnlyList<ValidatedTable> Tables, IReadOnlyList<Problem> Problems) ReadFiles(
        IReadOnlyList<string> paths, string? kindName, IProgress<ImportProgress>? progress = null)
    {
        var problems = new List<Problem>();
        var tables = new List<ValidatedTable>();
        foreach (var path in paths)
        {
            var file = LedgerFile.Read(path, kindName, problems);
            if (!file.IsOk)
            {
                problems.Add(file.Problem);
                continue;
            }
            var (kind, table) = (file.Value.Kind, file.Value.Table);
            if (tables.FirstOrDefault(t => t.Kind == kind) is { } other)
            {
                problems.Add(new Problem(table.Name, "", $"holds {kind.Name}, as {other.Source} does; import one {kind.Name} file at a time"));
                continue;
            }
            var total = table.Rows.Count;
            var rows = TableValidation.Validate(kind, table, problems,
                progress is null ? null : new RowProgress(done => progress.Report(new ImportProgress($"checking {table.Name}", done, total))));
            tables.Add(new ValidatedTable(table.Name, kind, rows) { Skipped = table.Skipped });
        }
        return (tables, problems);
    }

    public static async Task<ImportOutcome> ApplyAsync(
        LedgerDatabase db, IReadOnlyList<ValidatedTable> tables, string actor, TimeProvider clock,
        IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        await using var transaction = await db.BeginWriteAsync(cancel);
        var outcome = await ApplyInAsync(db, transaction, tables, actor, clock, progress, cancel);
        if (outcome.Ok)
            await transaction.CommitAsync(cancel);
        return outcome;
    }

    /// <summary>
    /// Checks and applies whole tables inside <paramref name="transaction"/>, which the caller commits
    /// when the outcome is ok (and may have read from first, as a row edit does to check its ETag).
    /// </summary>
    public static async Task<ImportOutcome> ApplyInAsync(
        LedgerDatabase db, System.Data.Common.DbTransaction transaction, IReadOnlyList<ValidatedTable> tables, string actor, TimeProvider clock,
        IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        var ordered = tables.OrderBy(t => IndexOf(t.Kind)).ToArray();
        var problems = new List<Problem>();
        var importedNations = ordered.FirstOrDefault(t => t.Kind == LedgerKinds.Nations);
        var existingNations = await LedgerTables.LoadAsync(db, LedgerKinds.Nations, transaction, cancel);
        var nations = importedNations is null
            ? existingNations.Keys.ToHashSet(StringComparer.Ordinal)
            : importedNations.Rows.Select(r => r.Cells[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var table in ordered)
            TableValidation.CheckNationReferences(table.Kind, table.Rows, nations, problems);
        if (importedNations is not null)
            await CheckRemovedNationsUnusedAsync(db, existingNations.Keys.Where(c => !nations.Contains(c)).ToArray(), ordered, transaction, problems, cancel);
        if (problems.Count > 0)
            return new ImportOutcome(problems, []);

        var audit = await AuditTrail.BeginAsync(db, transaction, actor, clock, cancel);
        var changes = new List<TableChange>();
        foreach (var table in ordered)
        {
            var stage = $"saving {table.Source}";
            progress?.Report(new ImportProgress(stage, 0, table.Rows.Count));
            var rowProgress = progress is null ? null : new RowProgress(done => progress.Report(new ImportProgress(stage, done, table.Rows.Count)));
            changes.Add(await ReplaceAsync(db, table, audit, transaction, rowProgress, cancel));
            progress?.Report(new ImportProgress(stage, table.Rows.Count, table.Rows.Count));
        }
        await audit.FlushAsync(cancel);
        return new ImportOutcome([], changes);
    }

    private static async Task<TableChange> ReplaceAsync(
        LedgerDatabase db, ValidatedTable table, AuditTrail audit, System.Data.Common.DbTransaction transaction, IProgress<long>? progress, CancellationToken cancel)
    {
        var kind = table.Kind;
        var names = kind.Columns.Select(c => c.Name).ToArray();
        var existing = await LedgerTables.LoadAsync(db, kind, transaction, cancel);
        var added = new List<string[]>();
        var changed = new List<string[]>();
        var unchanged = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows.OrderBy(r => kind.KeyOf(r.Cells), StringComparer.Ordinal))
        {
            var key = kind.KeyOf(row.Cells);
            seen.Add(key);
            if (!existing.TryGetValue(key, out var before))
            {
                added.Add(row.Cells);
                audit.Record("add", kind.Name, key, null, AuditTrail.RowJson(names, row.Cells));
            }
            else if (!before.SequenceEqual(row.Cells, StringComparer.Ordinal))
            {
                changed.Add(row.Cells);
                audit.Record("change", kind.Name, key, AuditTrail.RowJson(names, before), AuditTrail.RowJson(names, row.Cells));
            }
            else
            {
                unchanged++;
            }
        }
        var removed = existing.Where(p => !seen.Contains(p.Key)).Select(p => p.Value).ToArray();
        foreach (var row in removed)
            audit.Record("remove", kind.Name, kind.KeyOf(row), AuditTrail.RowJson(names, row), null);

        await LedgerTables.DeleteAsync(db, kind, removed, transaction, cancel);
        await LedgerTables.UpdateAsync(db, kind, changed, transaction, cancel);
        await LedgerTables.InsertAsync(db, kind, added, transaction, cancel, progress);
        return new TableChange(table.Source, kind, added.Count, changed.Count, removed.Length, unchanged) { Skipped = table.Skipped };
    }

    private static async Task CheckRemovedNationsUnusedAsync(
        LedgerDatabase db, IReadOnlyList<string> removed, IReadOnlyList<ValidatedTable> imported,
        System.Data.Common.DbTransaction transaction, List<Problem> problems, CancellationToken cancel)
    {
        if (removed.Count == 0)
            return;
        var source = imported.First(t => t.Kind == LedgerKinds.Nations).Source;
        foreach (var kind in LedgerKinds.All.Where(k => imported.All(t => t.Kind != k)))
            foreach (var column in kind.Columns.Where(c => c.References != NationReference.None))
                foreach (var code in removed)
                {
                    var sql = column.References == NationReference.One
                        ? $"SELECT COUNT(*) FROM {kind.Table} WHERE {column.Name} = @code"
                        : $"SELECT COUNT(*) FROM {kind.Table} WHERE ';' || {column.Name} || ';' LIKE '%;' || @code || ';%'";
                    var count = Convert.ToInt64(await db.ScalarAsync(sql, cancel, transaction, ("code", code)), System.Globalization.CultureInfo.InvariantCulture);
                    if (count > 0)
                        problems.Add(new Problem(source, "code", $"nation {code} would be removed but {count} {kind.Name} row(s) still name it in {column.Name}"));
                }
    }

    /// <summary>Reports on the calling thread, in order (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class RowProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    private static int IndexOf(LedgerKind kind)
    {
        for (var i = 0; i < LedgerKinds.All.Count; i++)
            if (LedgerKinds.All[i] == kind)
                return i;
        return int.MaxValue;
    }
}
