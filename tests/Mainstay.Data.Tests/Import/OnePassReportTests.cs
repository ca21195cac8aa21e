using Mainstay.Data.Tests.BurdenSharing;

namespace Mainstay.Data.Tests.Import;

/// <summary>
/// One run of an import with a bad file reports everything wrong with it: the rows' own problems,
/// the rows it would remove (unless removals are allowed) and what still names them. A row whose
/// cells are bad is still in the file: it is never counted as removed.
/// </summary>
public sealed class OnePassReportTests
{
    /// <summary>
    /// The demo's offers as a file with one delivered offer's quantity bad and another delivered offer left out.
    /// </summary>
    private static async Task<(TestLedger Ledger, string Bad, string Missing)> BadOffersFileAsync(string database)
    {
        var ledger = await DemoLedger.CreateAsync(database);
        var delivered = File.ReadAllLines(Path.Combine(ledger.Folder, "demo", "deliveries.csv")).Skip(1)
            .Select(l => l.Split(',')[1]).Distinct().ToArray();
        var lines = File.ReadAllLines(Path.Combine(ledger.Folder, "demo", "offers.csv"));
        var (bad, missing) = (delivered[0], delivered[1]);
        var file = lines.Where(l => l.Split(',')[0] != missing)
            .Select(l => l.Split(',')[0] == bad ? string.Join(',', l.Split(',').Select((c, i) => i == 3 ? "abc" : c))
                : l);
        ledger.WriteFile("offers.csv", string.Join('\n', file) + "\n");
        return (ledger, bad, missing);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_bad_row_and_the_rows_a_file_lacks_are_reported_in_one_run(string database)
    {
        var (ledger, bad, missing) = await BadOffersFileAsync(database);
        await using var _ledger = ledger;
        var before = await LedgerState.FingerprintAsync(ledger);

        var run = await ledger.RunAsync("import", "./offers.csv");

        run.Exit.ShouldBe(2);
        run.Error.ShouldMatch(@"offers\.csv:\d+: quantity: expected an integer");
        run.Error.ShouldContain($"offers.csv: would remove 1 row(s) of offers that the file does not hold ({missing})");
        run.Error.ShouldMatch(
            $@"offers\.csv: offer ""{missing}"" would be removed, but deliveries D\d+-\d+.* still name it in offer");
        run.Error.ShouldNotContain($"offer \"{bad}\" would be removed");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task With_removals_allowed_one_run_reports_the_bad_row_and_what_still_names_a_removed_one(
        string database)
    {
        var (ledger, bad, missing) = await BadOffersFileAsync(database);
        await using var _ledger = ledger;
        var before = await LedgerState.FingerprintAsync(ledger);

        var run = await ledger.RunAsync("import", "./offers.csv", "--allow-removals", "--dry-run");

        run.Exit.ShouldBe(2);
        run.Error.ShouldMatch(@"offers\.csv:\d+: quantity: expected an integer");
        run.Error.ShouldNotContain("would remove 1 row(s)");
        run.Error.ShouldMatch(
            $@"offers\.csv: offer ""{missing}"" would be removed, but deliveries D\d+-\d+.* still name it in offer");
        run.Error.ShouldNotContain($"offer \"{bad}\" would be removed");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task A_bad_nations_row_does_not_count_as_a_nation_removed()
    {
        await using var ledger = await DemoLedger.CreateAsync("sqlite");
        var lines = File.ReadAllLines(Path.Combine(ledger.Folder, "demo", "nations.csv"));
        var header = lines[0].Split(',');
        lines = [.. lines.Select(l => l.StartsWith("PL,", StringComparison.Ordinal)
            ? string.Join(',', l.Split(',').Select((c, i) => header[i] == "currency" ? "ZZZ" : c)) : l)];
        ledger.WriteFile("nations.csv", string.Join('\n', lines) + "\n");

        var run = await ledger.RunAsync("import", "./nations.csv");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("nations.csv:");
        run.Error.ShouldNotContain("nation PL would be removed");
        run.Error.ShouldNotContain("unknown nation \"PL\"");
    }
}
