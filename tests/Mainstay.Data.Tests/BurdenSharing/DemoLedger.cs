namespace Mainstay.Data.Tests.BurdenSharing;

/// <summary>
/// A test ledger holding the demo: built as a SQLite file, exported and imported, so it can be PostgreSQL too.
/// </summary>
public static class DemoLedger
{
    public static async Task<TestLedger> CreateAsync(string database)
    {
        var ledger = await TestLedger.CreateAsync(database);
        (await ledger.RunAsync("demo", "--db", "./demo.db")).Exit.ShouldBe(0);
        (await ledger.RunAsync("export", "--out", "./demo", "--db", "./demo.db")).Exit.ShouldBe(0);
        var import = await ledger.RunAsync(["import", .. Directory.GetFiles(Path.Combine(ledger.Folder, "demo"))]);
        import.Exit.ShouldBe(0, import.Error);
        return ledger;
    }
}
