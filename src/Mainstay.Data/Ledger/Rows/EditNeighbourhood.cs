using System.Data.Common;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Ledger.Rows;

/// <summary>
/// The stored rows a one-row edit can touch, read by index instead of whole tables, so an edit costs
/// the same on a ledger of ten offers as on one of 200,000. Given to the import's checks as the
/// stored tables, they reach the same verdict as on whole tables:
/// <list type="bullet">
/// <item>the catalogues every check may list or count (nations, items): whole, they are small;</item>
/// <item>of the edited table, the rows sharing the row's id (a pledge's other years, the writer's own
/// ids), the rows its references name, and the rows naming it;</item>
/// <item>of every other table, the rows the row names and the rows naming it;</item>
/// <item>rows naming the row by a list of keys (a fund's item types): their whole table, which is small;</item>
/// <item>for a table whose rows link to each other (contributions), every row a loaded row links to,
/// followed to the end of each chain, so a loop through the row is seen and no link is cut short.</item>
/// </list>
/// A table it did not scope is read whole by the import, which is slower but never wrong.
/// </summary>
public sealed class EditNeighbourhood
{
    private readonly Dictionary<LedgerKind, SortedDictionary<string, string[]>> _tables = [];

    /// <summary>The stored rows read, by table; a table absent was not scoped.</summary>
    public IReadOnlyDictionary<LedgerKind, SortedDictionary<string, string[]>> Tables => _tables;

    /// <summary>The edited row as stored, or null when there is none.</summary>
    public string[]? Stored { get; private set; }

    /// <param name="cells">The row as it will be; null when it is removed.</param>
    public static async Task<EditNeighbourhood> LoadAsync(
        LedgerDatabase db, DbTransaction transaction, LedgerKind kind, string key, string[]? cells,
        CancellationToken cancel)
    {
        var around = new EditNeighbourhood();
        foreach (var catalogue in (LedgerKind[])[LedgerKinds.Nations, LedgerKinds.Items])
            around._tables[catalogue] = await LedgerTables.LoadAsync(db, catalogue, transaction, cancel);
        var same = around.Table(kind);
        if (!same.ContainsKey(key))
            around.Add(kind, await LedgerTables.LoadMatchingAsync(db, kind, 0, [FirstKeyCell(kind, key)], transaction, cancel));
        around.Stored = same.GetValueOrDefault(key);
        string[][] versions = [.. new[] { cells, around.Stored }.OfType<string[]>()];
        foreach (var (column, target) in References(kind))
        {
            var reference = kind.Columns[column];
            var named = versions.SelectMany(v => reference.NamedValues(v[column])).ToHashSet(StringComparer.Ordinal);
            if (reference.Naming == RowNaming.FirstKeyPart)
                around.Add(target, await LedgerTables.LoadMatchingAsync(db, target, 0, named, transaction, cancel));
            else
                await around.LoadKeysAsync(db, transaction, target, named, cancel);
        }
        foreach (var referrer in LedgerKinds.All)
            foreach (var (column, target) in References(referrer))
            {
                if (target != kind)
                    continue;
                // A list of keys is matched by no index: the table naming rows so (funds' item types) is small.
                if (referrer.Columns[column].Naming == RowNaming.KeyList)
                    around.Add(referrer, await LedgerTables.LoadAsync(db, referrer, transaction, cancel));
                else if (referrer.Columns[column].Naming == RowNaming.FirstKeyPart)
                    around.Add(referrer, await LedgerTables.LoadMatchingAsync(
                        db, referrer, column, [FirstKeyCell(kind, key)], transaction, cancel));
                else if (kind.KeyColumns == 1)
                    around.Add(referrer, await LedgerTables.LoadMatchingAsync(
                        db, referrer, column, [key], transaction, cancel));
            }
        await around.FollowLinksAsync(db, transaction, kind, cancel);
        return around;
    }

    /// <summary>The reference columns of a table and the table each names rows of.</summary>
    private static IEnumerable<(int Column, LedgerKind Target)> References(LedgerKind kind) =>
        kind.Columns.Select((c, i) => (i, c.RowOf)).Where(p => p.RowOf is not null)
            .Select(p => (p.i, LedgerKinds.Find(p.RowOf!.Value)));

    /// <summary>The first key column's value of a key (the others, years and dates, hold no slash).</summary>
    private static string FirstKeyCell(LedgerKind kind, string key)
    {
        var end = key.Length;
        for (var i = 1; i < kind.KeyColumns && end > 0; i++)
            end = Math.Max(0, key.LastIndexOf('/', end - 1));
        return key[..end];
    }

    private SortedDictionary<string, string[]> Table(LedgerKind kind) =>
        _tables.TryGetValue(kind, out var rows)
            ? rows
            : _tables[kind] = new SortedDictionary<string, string[]>(StringComparer.Ordinal);

    private void Add(LedgerKind kind, SortedDictionary<string, string[]> rows)
    {
        var table = Table(kind);
        foreach (var (key, cells) in rows)
            table.TryAdd(key, cells);
    }

    private async Task LoadKeysAsync(
        LedgerDatabase db, DbTransaction transaction, LedgerKind kind, IEnumerable<string> keys, CancellationToken cancel)
    {
        var table = Table(kind);
        var missing = keys.Where(k => !table.ContainsKey(k)).ToArray();
        if (missing.Length > 0 && kind.KeyColumns == 1)
            Add(kind, await LedgerTables.LoadMatchingAsync(db, kind, 0, missing, transaction, cancel));
    }

    /// <summary>Loads, until none is missing, the rows that loaded rows of a self-linking table link to.</summary>
    private async Task FollowLinksAsync(LedgerDatabase db, DbTransaction transaction, LedgerKind kind, CancellationToken cancel)
    {
        var links = References(kind).Where(r => r.Target == kind).Select(r => r.Column).ToArray();
        if (links.Length == 0)
            return;
        var table = Table(kind);
        var asked = new HashSet<string>(table.Keys, StringComparer.Ordinal);
        while (true)
        {
            var wanted = table.Values.SelectMany(cells => links.Select(c => cells[c]))
                .Where(v => v.Length > 0 && asked.Add(v)).ToArray();
            if (wanted.Length == 0)
                return;
            await LoadKeysAsync(db, transaction, kind, wanted, cancel);
        }
    }
}
