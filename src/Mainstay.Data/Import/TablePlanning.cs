using Mainstay.Data.Ledger;
using Mainstay.Ledger;
using Mainstay.Problems;

namespace Mainstay.Data.Import;

/// <summary>
/// Works out what an import does to one table (<see cref="TablePlan"/>): rows are matched by key;
/// a whole file replaces its table, a scoped one the rows of its nation; removals need consent; and
/// a writer who sees part of the ledger is answered only from what it sees.
/// </summary>
public static class TablePlanning
{
    /// <param name="nations">The nations as they will be.</param>
    /// <param name="referenceShown">Whether the writer sees the row a reference column's value names.</param>
    public static TablePlan Plan(
        ValidatedTable table, SortedDictionary<string, string[]> stored, ImportOptions options,
        Func<LedgerColumn, string, bool> referenceShown, IReadOnlySet<string> nations, ICollection<Problem> problems)
    {
        var plan = new TablePlan(table, stored);
        var kind = table.Kind;
        var scope = options.Scope;
        if (scope is not null && !scope.Applies(kind))
        {
            problems.Add(
                new Problem(
                    table.Source, "",
                    $"{kind.Name} rows belong to no {scope.Column}; import it without {scope.Side.ToString().ToLowerInvariant()} scope"));
            return plan;
        }
        var ownIds = options.Limited ? IdRules.OwnIds(kind, stored.Values, options.Viewer!) : null;
        foreach (var row in table.Rows.OrderBy(r => kind.KeyOf(r.Cells), StringComparer.Ordinal))
        {
            var key = kind.KeyOf(row.Cells);
            plan.FileRows[key] = row.Where;
            // A row the writer may not see is, for what it is told, a row that is not there.
            var found = stored.TryGetValue(key, out var before);
            var hidden = found && !options.Sees(kind, before!);
            // Rows kept as they are need no new check: a row stored before these rules stays editable around.
            // Not a hidden one: a copy of a row the writer may not see is answered as a new row with that id.
            var kept = found && !hidden && before!.SequenceEqual(row.Cells, StringComparer.Ordinal);
            var idProblems = kept ? []
                : IdRules.Problems(
                    kind, row.Cells, row.Where, added: !found || hidden, options.Viewer, ownIds, nations).ToArray();
            foreach (var problem in idProblems)
                problems.Add(problem);
            if (idProblems.Length > 0)
                continue;
            if (scope is not null && !scope.Holds(kind, row.Cells))
            {
                problems.Add(new Problem(row.Where, scope.Column, $"is {row.Cells[kind.ColumnOf(scope.Side)]}; "
                    + $"this import ({scope}) holds only {scope.Nation}'s rows"));
                continue;
            }
            if (found && scope is not null && !scope.Holds(kind, before!))
            {
                problems.Add(new Problem(row.Where, kind.KeyDescription, options.Sees(kind, before!)
                    ? $"{kind.RowNoun} \"{key}\" is not {scope.Nation}'s; this import ({scope}) may not change it"
                    : $"the id \"{key}\" cannot be used; choose another"));
                continue;
            }
            var cells = found && options.Limited
                ? KeepHiddenReferences(kind, row.Cells, before!, referenceShown)
                : row.Cells;
            plan.Final[key] = cells;
            plan.Written[key] = row.Cells;
            if (!found)
                plan.Added.Add(cells);
            else if (!before!.SequenceEqual(cells, StringComparer.Ordinal))
                plan.Changed.Add((before!, cells));
            else
                plan.Unchanged++;
        }
        foreach (var (key, cells) in stored)
            if (!plan.FileRows.ContainsKey(key) && (scope is null || scope.Holds(kind, cells)) && table.MayRemove(key))
            {
                plan.Removed.Add(cells);
                plan.Final.Remove(key);
            }
        if (plan.Removed.Count > 0 && !options.AllowRemovals)
            problems.Add(new Problem(table.Source, "",
                $"would remove {plan.Removed.Count:N0} row(s) of {kind.Name} that the file does not "
                    + $"hold ({RowReferences.List(plan.Removed.Select(kind.KeyOf).ToArray())}); "
                + "nothing is removed unless you allow removals (--allow-removals)"
                + (
                    scope is null && kind.ColumnOf(NationSide.Donor) >= 0
                        ? ", or import one nation's rows only (--donor or --recipient)"
                        : "")));
        return plan;
    }

    /// <summary>
    /// A reference the writer reads as empty (it names a row the writer may not see) stays as stored
    /// when written back empty, so a desk can edit and re-import what it downloaded.
    /// </summary>
    private static string[] KeepHiddenReferences(
        LedgerKind kind, string[] cells, string[] before, Func<LedgerColumn, string, bool> shown)
    {
        string[]? kept = null;
        for (var i = 0; i < kind.Columns.Count; i++)
            if (kind.Columns[i].RowOf is not null && cells[i].Length == 0 && before[i].Length > 0
                && !shown(kind.Columns[i], before[i]))
                (kept ??= [.. cells])[i] = before[i];
        return kept ?? cells;
    }

    /// <summary>
    /// Adds where the stored rows the writer may not see, and does not write, are reported
    /// (see <see cref="TablePlan.WhereOf"/>).
    /// </summary>
    public static void MarkHidden(TablePlan plan, ImportOptions options, ISet<string> hidden)
    {
        if (!options.Limited)
            return;
        foreach (var (key, cells) in plan.Final)
            if (!plan.Written.ContainsKey(key) && !options.Sees(plan.Kind, cells))
                hidden.Add(plan.WhereOf(key));
    }

    /// <summary>
    /// Checks what shows only between rows on the table as it will be, naming only rows the writer sees.
    /// </summary>
    public static void CheckTogether(
        TablePlan plan, ImportOptions options, ISet<string> hidden, ICollection<Problem> problems)
    {
        // Rows of the file with problems of their own are not in the table as it would be: what shows
        // between rows would be said wrongly (a link to such a row as a link to none), and differently
        // when a row the writer may not see has that key. It is checked once the file's rows are fixed.
        if (plan.Table.BadKeys.Count > 0)
            return;
        var kind = plan.Kind;
        var rows = plan.Final.OrderBy(
            p => p.Key, StringComparer.Ordinal).Select(p => new SourcedRow(plan.WhereOf(p.Key), p.Value)).ToArray();
        if (options.Limited)
            foreach (var row in rows.Where(r => !options.Sees(kind, r.Cells)))
                hidden.Add(row.Where);
        foreach (var problem in kind.CheckTogether(rows, options.Limited ? cells => options.Sees(kind, cells) : null))
            problems.Add(problem);
    }

    /// <summary>
    /// The problems as the writer may read them: each once, and those found at rows it may not see
    /// replaced by one that says only that such rows are in the way.
    /// </summary>
    public static IReadOnlyList<Problem> AsSeen(
        IEnumerable<Problem> problems, IReadOnlySet<string> hidden, ImportOptions options)
    {
        var seen = new List<Problem>();
        var unique = new HashSet<Problem>();
        var blocked = false;
        foreach (var problem in problems)
        {
            if (options.Limited && hidden.Contains(problem.Where))
                blocked = true;
            else if (unique.Add(problem))
                seen.Add(problem);
        }
        if (blocked)
            seen.Add(
                new Problem("request", "", "the change conflicts with rows you may not see; ask the coordinators"));
        return seen;
    }
}
