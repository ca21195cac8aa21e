using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;

namespace Mainstay.Data.Tests.Import;

/// <summary>
/// The demo's requirements, as its exported file and as stored, for tests of imports scoped to a recipient.
/// </summary>
public static class DemoRequirements
{
    /// <summary>The stored requirements, by key.</summary>
    public static async Task<SortedDictionary<string, string[]>> StoredAsync(TestLedger ledger)
    {
        await using var db = await ledger.OpenAsync();
        return await LedgerTables.LoadAsync(db, LedgerKinds.Requirements, null, default);
    }

    /// <summary>The demo's requirements file: its header, and its rows of UA and of the other recipients.</summary>
    public static (string Header, string[] Ua, string[] Others) File(TestLedger ledger)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(ledger.Folder, "demo", "requirements.csv"));
        var ua = lines.Skip(1).Where(l => l.Split(',')[1] == "UA").ToArray();
        var others = lines.Skip(1).Where(l => l.Split(',')[1] != "UA").ToArray();
        ua.Length.ShouldBeGreaterThan(2);
        others.ShouldContain(l => l.Split(',')[1] == "MD");
        return (lines[0], ua, others);
    }
}
