using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Tests;

/// <summary>A fingerprint of everything in a ledger, to show that a rejected change changed nothing.</summary>
public static class LedgerState
{
    public static async Task<string> FingerprintAsync(TestLedger ledger)
    {
        await using var db = await ledger.OpenAsync();
        var parts = new List<string>();
        foreach (var kind in LedgerKinds.All)
        {
            var rows = await LedgerTables.LoadAsync(db, kind, null, default);
            parts.Add($"{kind.Name}:{rows.Count}:{string.Join("|", rows.Values.Select(r => string.Join(",", r)))}");
        }
        parts.Add("audit:" + await db.ScalarAsync("SELECT COUNT(*) FROM audit_log", default));
        return string.Join("\n", parts);
    }
}
