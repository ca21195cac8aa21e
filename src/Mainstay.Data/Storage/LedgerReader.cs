using System.Data.Common;
using Mainstay.Data.Ledger;
using Mainstay.Ledger;

namespace Mainstay.Data.Storage;

/// <summary>Loads the whole ledger as domain records, funds and procurement options included.</summary>
public static class LedgerReader
{
    public static async Task<LedgerSnapshot> LoadAsync(LedgerDatabase db, CancellationToken cancel = default) => new(
        await LoadAsync(db, LedgerKinds.Nations, cancel),
        await LoadAsync(db, LedgerKinds.Gdp, cancel),
        await LoadAsync(db, LedgerKinds.Items, cancel),
        await LoadAsync(db, LedgerKinds.Requirements, cancel),
        await LoadAsync(db, LedgerKinds.Offers, cancel),
        Pledge.FromTranches(await LoadAsync(db, LedgerKinds.Pledges, cancel)),
        await LoadAsync(db, LedgerKinds.Coalitions, cancel),
        await LoadAsync(db, LedgerKinds.ExchangeRates, cancel))
    {
        Funds = await LoadAsync(db, LedgerKinds.Funds, cancel),
        Options = await LoadAsync(db, LedgerKinds.Procurement, cancel),
    };

    /// <summary>
    /// Loads a table's records; with <paramref name="where"/> only the rows whose column equals a value.
    /// </summary>
    public static async Task<IReadOnlyList<T>> LoadAsync<T>(
        LedgerDatabase db, LedgerKind<T> kind, CancellationToken cancel = default, DbTransaction? transaction = null,
        (string Column, string Value)? where = null)
        where T : class
    {
        var rows = await LedgerTables.LoadAsync(db, kind, transaction, cancel, where);
        return rows.Values.Select(kind.FromCells).ToArray();
    }
}
