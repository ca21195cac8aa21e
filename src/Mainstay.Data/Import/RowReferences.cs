using Mainstay.Data.Ledger;
using Mainstay.Problems;

namespace Mainstay.Data.Import;

/// <summary>
/// Keeps the references between tables whole (a delivery's offer, a contribution's links, the item of
/// an offer or requirement): after an import every reference names a row that exists, or the import
/// is refused with the rows that would dangle. A writer who sees part of the ledger may name only
/// rows it sees, and is answered the same whether a row it may not see exists or not.
/// </summary>
public static class RowReferences
{
    private const int Listed = 5;

    /// <param name="storedTable">The stored rows of a table not in the import (loaded once).</param>
    public static async Task CheckAsync(
        IReadOnlyList<TablePlan> plans, ImportOptions options,
        Func<LedgerKind, Task<IReadOnlyDictionary<string, string[]>>> storedTable, ICollection<Problem> problems)
    {
        foreach (var kind in LedgerKinds.All)
            for (var column = 0; column < kind.Columns.Count; column++)
            {
                if (kind.Columns[column].RowOf is not { } targetTable)
                    continue;
                var target = LedgerKinds.Find(targetTable);
                var plan = plans.FirstOrDefault(p => p.Kind == kind);
                var targetPlan = plans.FirstOrDefault(p => p.Kind == target);
                if (plan is null && targetPlan is null)
                    continue;
                var rows = plan is null ? await storedTable(kind) : plan.Final;
                var targets = targetPlan is null ? await storedTable(target) : targetPlan.Final;
                // A ledger without an item catalogue plans any item type, as the planning contract's scenarios do.
                if (target == LedgerKinds.Items && targets.Count == 0 && (targetPlan?.Stored.Count ?? 0) == 0)
                    continue;
                Check(kind, column, plan, rows, target, targetPlan, targets, options, problems);
            }
    }

    private static void Check(
        LedgerKind kind, int column, TablePlan? plan, IReadOnlyDictionary<string, string[]> rows,
        LedgerKind target, TablePlan? targetPlan, IReadOnlyDictionary<string, string[]> targets,
        ImportOptions options, ICollection<Problem> problems)
    {
        var col = kind.Columns[column];
        var storedTargets = targetPlan?.Stored ?? targets;
        var named = col.Index(targets);
        var storedNamed = targetPlan is null ? named : col.Index(targetPlan.Stored);
        var name = col.Name;
        var dangling = new SortedDictionary<string, List<string[]>>(StringComparer.Ordinal);
        var unlike = new SortedDictionary<string, List<string[]>>(StringComparer.Ordinal);
        var suggestions = new Dictionary<string, string>(StringComparer.Ordinal);
        var (same, targetSame) = col.SameAs is { } sameAs ? (kind.ColumnIndex(sameAs), target.ColumnIndex(sameAs)) : (-1, -1);
        foreach (var (key, cells) in rows)
        {
            var read = ReadBefore(plan, key, column, col, storedTargets, options);
            foreach (var value in col.NamedValues(cells[column]))
            {
                // A row of the file with problems of its own, already reported; checked before existence,
                // so the answer is the same whether or not a row the writer may not see has that key.
                if (targetPlan is not null && IsBad(col, targetPlan.Table.BadKeys, value))
                    continue;
                var exists = named.TryGetValue(value, out var targetCells);
                var newlySet = NewlySet(plan, key, column, col, read, value);
                if (newlySet && (!exists || !options.Sees(target, targetCells!)))
                    problems.Add(new Problem(plan!.WhereOf(key), name, $"no {NamedNoun(col, target)} \"{value}\""
                        + (
                            suggestions.TryGetValue(value, out var suggestion)
                                ? suggestion
                                : suggestions[value] = Suggestion(target, value, targets))));
                // Only what this write removes is its doing; a reference that dangled before is not.
                else if (!exists && targetPlan is not null && storedNamed.ContainsKey(value))
                    (dangling.TryGetValue(value, out var list) ? list : dangling[value] = []).Add(cells);
                else if (exists && same >= 0 && cells[same] != targetCells![targetSame])
                {
                    // Told where the change was made: at the row naming, or at the table of the row named.
                    if (newlySet || SameChanged(plan, key, same))
                        problems.Add(new Problem(plan!.WhereOf(key), name,
                            $"{NamedNoun(col, target)} \"{value}\" has {col.SameAs} {targetCells[targetSame]}: a "
                            + $"{kind.RowNoun}'s {name} must have its {col.SameAs}, {cells[same]}"));
                    else if (storedNamed.TryGetValue(value, out var before) && before[targetSame] != targetCells[targetSame])
                        (unlike.TryGetValue(value, out var list) ? list : unlike[value] = []).Add(cells);
                }
            }
        }
        foreach (var (value, referring) in dangling)
            problems.Add(new Problem(targetPlan?.Table.Source ?? kind.Name, "",
                $"{NamedNoun(col, target)} \"{value}\" would be removed, but "
                    + $"{Naming(kind, referring, options)} still name it in {name}; "
                + $"keep it, or change those {kind.Name} first"));
        foreach (var (value, referring) in unlike)
            problems.Add(new Problem(targetPlan?.Table.Source ?? kind.Name, "",
                $"{NamedNoun(col, target)} \"{value}\" would have {col.SameAs} {named[value][targetSame]}, but "
                    + $"{Naming(kind, referring, options)} of another {col.SameAs} name it in {name}; "
                + $"keep its {col.SameAs}, or change those {kind.Name} first"));
    }

    /// <summary>What one named value is called in messages: a pledge (all its years), an item type.</summary>
    private static string NamedNoun(LedgerColumn column, LedgerKind target) =>
        column.Naming == RowNaming.FirstKeyPart ? column.Name : target.RowNoun;

    /// <summary>Whether a row of the file with that key (for a first key part: any of them) had problems of its own.</summary>
    private static bool IsBad(LedgerColumn column, IReadOnlySet<string> badKeys, string value) =>
        column.Naming == RowNaming.FirstKeyPart
            ? badKeys.Any(k => k.Length > value.Length && k[value.Length] == '/' && k.StartsWith(value, StringComparison.Ordinal))
            : badKeys.Contains(value);

    /// <summary>
    /// The reference cell of a stored row as the writer read it: a reference to a row hidden from it
    /// reads as empty. Null when the write does not write the row, or adds it.
    /// </summary>
    private static string? ReadBefore(
        TablePlan? plan, string key, int column, LedgerColumn col, IReadOnlyDictionary<string, string[]> storedTargets,
        ImportOptions options)
    {
        if (plan is null || !plan.Written.ContainsKey(key) || !plan.Stored.TryGetValue(key, out var before))
            return null;
        return before[column].Length == 0 || options.ShowsReference(col, before[column], storedTargets)
            ? before[column]
            : "";
    }

    /// <summary>
    /// Whether this write sets the reference to <paramref name="value"/>: on a row it adds, or where the
    /// writer did not read it (<paramref name="read"/>). Only rows the writer wrote count, as it wrote them:
    /// a reference to a row hidden from it reads as empty, and written back empty it is kept as stored,
    /// which is not setting it; naming that row back is setting it, answered as for any row that is not there.
    /// </summary>
    private static bool NewlySet(TablePlan? plan, string key, int column, LedgerColumn col, string? read, string value)
    {
        if (plan is null || !plan.Written.TryGetValue(key, out var written))
            return false;
        if (!col.NamedValues(written[column]).Contains(value, StringComparer.Ordinal))
            return false;
        return !plan.Stored.ContainsKey(key) || !col.NamedValues(read ?? "").Contains(value, StringComparer.Ordinal);
    }

    /// <summary>Whether this write adds the row or changes its column <paramref name="same"/>.</summary>
    private static bool SameChanged(TablePlan? plan, string key, int same) =>
        plan is not null && plan.Written.TryGetValue(key, out var written)
        && (!plan.Stored.TryGetValue(key, out var before) || before[same] != written[same]);

    /// <summary>
    /// The rows that name a removed row: those the writer may see by id, the others only as "rows you may not see".
    /// </summary>
    private static string Naming(LedgerKind kind, List<string[]> referring, ImportOptions options)
    {
        var seen = referring.Where(cells => options.Sees(kind, cells)).Select(kind.KeyOf).ToArray();
        if (seen.Length < referring.Count)
            return seen.Length == 0 ? "rows you may not see" : $"{kind.Name} {List(seen)} and rows you may not see";
        return $"{kind.Name} {List(seen)}";
    }

    /// <summary>The first few keys and how many more, for a message.</summary>
    internal static string List(string[] keys) =>
        string.Join(", ", keys.Take(Listed)) + (keys.Length > Listed ? $" and {keys.Length - Listed:N0} more" : "");

    /// <summary>For an item type: the nearest known one, since a typo is the usual cause.</summary>
    private static string Suggestion(LedgerKind target, string value, IReadOnlyDictionary<string, string[]> targets)
    {
        if (target != LedgerKinds.Items)
            return "";
        var limit = Math.Max(2, value.Length / 3);
        if (value.Length > 100)
            return $" in the item catalogue ({targets.Count:N0} item types)";
        var (nearest, distance) = targets.Keys.Where(k => Math.Abs(k.Length - value.Length) <= limit)
            .Select(k => (k, Distance(k, value))).DefaultIfEmpty(("", int.MaxValue)).MinBy(p => p.Item2);
        return distance <= limit
            ? $" in the item catalogue; did you mean \"{nearest}\"?"
            : $" in the item catalogue ({targets.Count:N0} item types); add it to items.csv first";
    }

    /// <summary>The Levenshtein distance: single-character insertions, deletions and substitutions.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(
                    Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
