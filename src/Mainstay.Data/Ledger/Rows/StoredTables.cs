using Mainstay.Access;
using Mainstay.Data.Access;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Ledger.Rows;

/// <summary>
/// Where a reader's rows come from: every row of a table by key, read from the ledger, or from a
/// cache the server keeps current (read-only to callers either way).
/// </summary>
public delegate Task<SortedDictionary<string, string[]>> StoredTable(LedgerKind kind, CancellationToken cancel);

/// <summary>The rows of a table as one user may read them: what every list, page, download and edit form shows.</summary>
public static class SeenRows
{
    /// <summary>Each table read straight from <paramref name="db"/>.</summary>
    public static StoredTable From(LedgerDatabase db) => (kind, cancel) => LedgerTables.LoadAsync(db, kind, null, cancel);

    /// <summary>The rows of <paramref name="kind"/> the user may see, by key, each as they may read it.</summary>
    public static async Task<SortedDictionary<string, string[]>> OfAsync(
        StoredTable tables, LedgerKind kind, User? user, CancellationToken cancel)
    {
        if (AccessPolicy.SeesEverything(user))
            return await tables(kind, cancel);
        var referenced = await ReferencedAsync(tables, kind, cancel);
        var seen = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, cells) in await tables(kind, cancel))
            if (AccessPolicy.CanSee(user, kind.Id, kind.PartiesOf(cells)))
                seen.Add(key, RowViews.AsSeen(user, kind, cells, t => referenced[t]));
        return seen;
    }

    /// <summary>One row as the user may read it, or null when it does not exist for them.</summary>
    public static async Task<string[]?> OneAsync(
        StoredTable tables, LedgerKind kind, string key, User? user, CancellationToken cancel)
    {
        var cells = (await tables(kind, cancel)).GetValueOrDefault(key);
        if (cells is null || !AccessPolicy.CanSee(user, kind.Id, kind.PartiesOf(cells)))
            return null;
        var referenced = await ReferencedAsync(tables, kind, cancel);
        return RowViews.AsSeen(user, kind, cells, t => referenced[t]);
    }

    private static async Task<Dictionary<LedgerKind, IReadOnlyDictionary<string, string[]>>> ReferencedAsync(
        StoredTable tables, LedgerKind kind, CancellationToken cancel)
    {
        var referenced = new Dictionary<LedgerKind, IReadOnlyDictionary<string, string[]>>();
        foreach (var target in RowViews.Referenced(kind))
            referenced[target] = await tables(target, cancel);
        return referenced;
    }
}
