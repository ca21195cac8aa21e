using Mainstay.Data.Tests.BurdenSharing;

namespace Mainstay.Data.Tests.Import;

/// <summary>
/// <c>mainstay import --recipient CODE</c>: the file holds one recipient's requirements and replaces
/// only those; the other recipients' rows stay, and a row of another recipient is refused.
/// </summary>
public sealed class CodeScopeImportTests
{
    [Theory]
    [MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_recipients_file_replaces_only_its_requirements(string database)
    {
        await using var ledger = await DemoLedger.CreateAsync(database);
        var (header, ua, others) = DemoRequirements.File(ledger);
        var changed = ua[0].Split(',');
        changed[3] = "4242";
        var removed = ua[^1].Split(',')[0];
        ledger.WriteFile("requirements-ua.csv",
            string.Join('\n', [header, string.Join(',', changed), .. ua[1..^1]]) + "\n");
        var before = await DemoRequirements.StoredAsync(ledger);

        var refused = await ledger.RunAsync("import", "./requirements-ua.csv", "--kind", "requirements", "--recipient",
            "UA");
        var imported = await ledger.RunAsync(
            "import", "./requirements-ua.csv", "--kind", "requirements", "--recipient", "UA", "--allow-removals");

        refused.Exit.ShouldBe(2);
        refused.Error.ShouldContain(
            $"requirements-ua.csv: would remove 1 row(s) of requirements that the file does not hold ({removed})");
        imported.Exit.ShouldBe(0, imported.Error);
        imported.Out.ShouldContain("requirements-ua.csv: 0 added, 1 changed, 1 removed");
        var after = await DemoRequirements.StoredAsync(ledger);
        after[changed[0]][3].ShouldBe("4242");
        after.ContainsKey(removed).ShouldBeFalse();
        foreach (var key in others.Select(l => l.Split(',')[0]))
            after[key].ShouldBe(before[key], key);
        after.Count.ShouldBe(before.Count - 1);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task A_row_of_another_recipient_is_refused_and_nothing_changes(string database)
    {
        await using var ledger = await DemoLedger.CreateAsync(database);
        var (header, ua, others) = DemoRequirements.File(ledger);
        var md = others.First(l => l.Split(',')[1] == "MD");
        ledger.WriteFile("requirements-ua.csv", string.Join('\n', [header, .. ua, md]) + "\n");
        var before = await LedgerState.FingerprintAsync(ledger);

        var run = await ledger.RunAsync("import", "./requirements-ua.csv", "--kind", "requirements", "--recipient",
            "UA");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain(
            $"requirements-ua.csv:{ua.Length + 2}: recipient: is MD; this import (--recipient "
                + $"UA) holds only UA's rows");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }
}
