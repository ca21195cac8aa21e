using Mainstay.Data.Audit;
using Mainstay.Data.Files;
using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;
using Mainstay.Ledger;
using Mainstay.Problems;

namespace Mainstay.Data.Import;

/// <summary>A table that passed validation, ready to replace its kind's rows in the ledger.</summary>
/// <param name="CheckedTogether">
/// Whether what shows only between rows was checked on the file alone, which can be done when it
/// holds the whole table; otherwise the import checks it on the table as it will be.
/// </param>
public sealed record ValidatedTable(
    string Source, LedgerKind Kind, IReadOnlyList<SourcedRow> Rows, bool CheckedTogether = true)
{
    /// <summary>
    /// Rows of the file left out, one line per reason with its count (see <see cref="TextTable.Skipped"/>).
    /// </summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>
    /// The keys of the only rows the table holds (a single-row edit: that row, or none to remove it);
    /// the kind's other rows stay as they are. Null: the table holds every row (of its scope).
    /// </summary>
    public IReadOnlySet<string>? OnlyKeys { get; init; }

    /// <summary>
    /// The keys of rows the file holds that were left out for problems of their own: they are not
    /// rows the file lacks, and what names them is not told it names nothing.
    /// </summary>
    public IReadOnlySet<string> BadKeys { get; init; } = new HashSet<string>();

    /// <summary>
    /// Whether the stored row of <paramref name="key"/> is removed when the table lacks it: not a row
    /// outside a single-row edit's, nor one the file holds that was left out for its own problems.
    /// </summary>
    public bool MayRemove(string key) => (OnlyKeys is null || OnlyKeys.Contains(key)) && !BadKeys.Contains(key);
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
    /// <param name="partial">The files hold part of their tables (a scoped import): what shows between rows is checked
    /// later.</param>
    public static (IReadOnlyList<ValidatedTable> Tables, IReadOnlyList<Problem> Problems) ReadFiles(
        IReadOnlyList<string> paths, string? kindName, IProgress<ImportProgress>? progress = null, bool partial = false)
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
                problems.Add(
                    new Problem(
                        table.Name, "",
                        $"holds {kind.Name}, as {other.Source} does; import one {kind.Name} file at a time"));
                continue;
            }
            var total = table.Rows.Count;
            var badKeys = new HashSet<string>(StringComparer.Ordinal);
            var rows = TableValidation.Validate(kind, table, problems,
                progress is null
                    ? null
                    : new RowProgress(
                        done => progress.Report(new ImportProgress($"checking {table.Name}", done, total))),
                rowsOnly: partial, badKeys);
            tables.Add(new ValidatedTable(table.Name, kind, rows, CheckedTogether: !partial)
            {
                Skipped = table.Skipped,
                BadKeys = badKeys,
            });
        }
        return (tables, problems);
    }

    public static async Task<ImportOutcome> ApplyAsync(
        LedgerDatabase db, IReadOnlyList<ValidatedTable> tables, string actor, TimeProvider clock,
        ImportOptions? options = null,
        IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        // A dry run only reads, so it also works on a ledger opened read-only.
        var dryRun = options?.DryRun == true;
        await using var transaction = dryRun ? await db.BeginReadAsync(cancel) : await db.BeginWriteAsync(cancel);
        var outcome = await ApplyInAsync(db, transaction, tables, actor, clock, options, progress, cancel);
        if (outcome.Ok && !dryRun)
            await transaction.CommitAsync(cancel);
        return outcome;
    }

    /// <summary>
    /// The problems the ledger would add to those already found in the files (an unknown nation or
    /// item, an id of another nation, rows it would remove without consent and what still names
    /// them), so that one run reports every problem of every file. Checks the rows that passed on
    /// their own, changes nothing; a row left out for its own problems counts as in its file
    /// (<see cref="ValidatedTable.BadKeys"/>), neither removed nor missing where it is named.
    /// </summary>
    public static async Task<IReadOnlyList<Problem>> CheckAgainstLedgerAsync(
        LedgerDatabase db, IReadOnlyList<ValidatedTable> tables, ImportOptions options,
        CancellationToken cancel = default)
    {
        var check = options with { DryRun = true };
        var outcome = await ApplyAsync(db, tables, "check", TimeProvider.System, check, cancel: cancel);
        return outcome.Problems;
    }

    /// <summary>
    /// Checks and applies tables inside <paramref name="transaction"/>, which the caller commits
    /// when the outcome is ok (and may have read from first, as a row edit does to check its ETag).
    /// Every change is worked out and checked (references between tables included) before any is written.
    /// </summary>
    /// <param name="scoped">Stored rows already read, by table, in place of whole tables: all the checks of a
    /// one-row edit need (<see cref="Ledger.Rows.EditNeighbourhood"/>).</param>
    public static async Task<ImportOutcome> ApplyInAsync(
        LedgerDatabase db, System.Data.Common.DbTransaction transaction, IReadOnlyList<ValidatedTable> tables,
        string actor, TimeProvider clock,
        ImportOptions? options = null, IProgress<ImportProgress>? progress = null, CancellationToken cancel = default,
        IReadOnlyDictionary<LedgerKind, SortedDictionary<string, string[]>>? scoped = null)
    {
        options ??= new ImportOptions();
        var ordered = tables.OrderBy(t => IndexOf(t.Kind)).ToArray();
        var problems = new List<Problem>();
        var stored = scoped is null
            ? new Dictionary<LedgerKind, SortedDictionary<string, string[]>>()
            : new Dictionary<LedgerKind, SortedDictionary<string, string[]>>(scoped);
        async Task<SortedDictionary<string, string[]>> Stored(LedgerKind kind) =>
            stored.TryGetValue(kind, out var rows)
                ? rows
                : stored[kind] = await LedgerTables.LoadAsync(db, kind, transaction, cancel);

        var importedNations = ordered.FirstOrDefault(t => t.Kind == LedgerKinds.Nations);
        var existingNations = await Stored(LedgerKinds.Nations);
        var nations = importedNations is null
            ? existingNations.Keys.ToHashSet(StringComparer.Ordinal)
            : importedNations.Rows.Select(r => r.Cells[0]).Concat(importedNations.BadKeys)
                .Concat(existingNations.Keys.Where(code => !importedNations.MayRemove(code)))
                .ToHashSet(StringComparer.Ordinal);
        foreach (var table in ordered)
            TableValidation.CheckNationReferences(table.Kind, table.Rows, nations, problems);
        if (importedNations is not null)
            await CheckRemovedNationsUnusedAsync(
                db, existingNations.Keys.Where(c => !nations.Contains(c)).ToArray(), ordered, transaction, problems,
                cancel);

        if (options.Limited)
            foreach (var table in ordered.SelectMany(t => t.Kind.Columns).Select(c => c.RowOf).OfType<LedgerTable>()
                .Distinct())
                await Stored(LedgerKinds.Find(table));
        bool ReferenceShown(LedgerColumn column, string value)
        {
            if (!options.Limited)
                return true;
            var target = LedgerKinds.Find(column.RowOf!.Value);
            return options.ShowsReference(column, value, stored[target]);
        }
        var plans = new List<TablePlan>();
        foreach (var table in ordered)
            plans.Add(TablePlanning.Plan(table, await Stored(table.Kind), options, ReferenceShown, nations, problems));
        var found = problems.Count;
        // A problem found at a row the writer neither wrote nor may see is told only as "rows you may not see".
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in plans)
            TablePlanning.MarkHidden(plan, options, hidden);
        await RowReferences.CheckAsync(plans, options, async kind => await Stored(kind), problems);
        // What shows between rows (a loop of links) is looked for once every reference is one the writer may make.
        if (problems.Count == found)
            foreach (var plan in plans.Where(p => !p.Table.CheckedTogether))
                TablePlanning.CheckTogether(plan, options, hidden, problems);
        if (problems.Count > 0)
            return new ImportOutcome(TablePlanning.AsSeen(problems, hidden, options), []);
        if (options.DryRun)
            return new ImportOutcome([], [.. plans.Select(TableChangeOf)]);

        var audit = await AuditTrail.BeginAsync(db, transaction, actor, clock, cancel);
        var changes = new List<TableChange>();
        foreach (var plan in plans)
        {
            var stage = $"saving {plan.Table.Source}";
            var count = plan.Table.Rows.Count;
            progress?.Report(new ImportProgress(stage, 0, count));
            var rowProgress = progress is null
                ? null
                : new RowProgress(done => progress.Report(new ImportProgress(stage, done, count)));
            changes.Add(await WriteAsync(db, plan, audit, transaction, rowProgress, cancel));
            progress?.Report(new ImportProgress(stage, count, count));
        }
        await audit.FlushAsync(cancel);
        return new ImportOutcome([], changes);
    }

    private static async Task<TableChange> WriteAsync(
        LedgerDatabase db, TablePlan plan, AuditTrail audit, System.Data.Common.DbTransaction transaction,
        IProgress<long>? progress, CancellationToken cancel)
    {
        var kind = plan.Kind;
        var names = kind.Columns.Select(c => c.Name).ToArray();
        foreach (var row in plan.Added)
            audit.Record("add", kind.Name, kind.KeyOf(row), null, AuditTrail.RowJson(names, row));
        foreach (var (before, after) in plan.Changed)
            audit.Record(
                "change", kind.Name, kind.KeyOf(after), AuditTrail.RowJson(names, before),
                AuditTrail.RowJson(names, after));
        foreach (var row in plan.Removed)
            audit.Record("remove", kind.Name, kind.KeyOf(row), AuditTrail.RowJson(names, row), null);
        await LedgerTables.DeleteAsync(db, kind, plan.Removed, transaction, cancel);
        await LedgerTables.UpdateAsync(db, kind, plan.Changed.Select(c => c.After).ToArray(), transaction, cancel);
        await LedgerTables.InsertAsync(db, kind, plan.Added, transaction, cancel, progress);
        return TableChangeOf(plan);
    }

    private static TableChange TableChangeOf(TablePlan plan) =>
        new(plan.Table.Source, plan.Kind, plan.Added.Count, plan.Changed.Count, plan.Removed.Count, plan.Unchanged)
        {
            Skipped = plan.Table.Skipped,
        };

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
                        : $"SELECT COUNT(*) FROM {kind.Table} WHERE ';' || "
                            + $"{column.Name} || ';' LIKE '%;' || @code || ';%'";
                    var count = Convert.ToInt64(
                        await db.ScalarAsync(sql, cancel, transaction, ("code", code)),
                        System.Globalization.CultureInfo.InvariantCulture);
                    if (count > 0)
                        problems.Add(new Problem(source, "code", $"nation {code} would be removed but {count} "
                            + $"{kind.Name} row(s) still name it in {column.Name}"));
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
