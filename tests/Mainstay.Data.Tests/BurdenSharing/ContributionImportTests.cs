namespace Mainstay.Data.Tests.BurdenSharing;

/// <summary>Bad contribution files are refused whole, with the line and the reason, and change nothing.</summary>
public sealed class ContributionImportTests
{
    private const string Header =
        "id,donor,recipient,value_date,aid_type,category,channel,amount,currency,valuation,source,funded_by,reimbursed_by\n";

    [Theory]
    [InlineData("C1,DE,UA,2025-01-01,military,equipment,nato,-5,EUR,cash,s,,\n",
        "contributions.csv:2: amount: expected an amount > 0, got \"-5\"")]
    [InlineData("C1,DE,UA,2025-01-01,military,equipment,nato,5,EUR,cash,s,,C1\n",
        "contributions.csv:2: reimbursed_by: contribution C1 links to itself")]
    [InlineData(
        "C1,DE,UA,2025-01-01,military,equipment,nato,5,EUR,cash,s,C2,\n"
            + "C2,DE,UA,2025-01-01,military,equipment,nato,5,EUR,cash,s,,C1\n",
        "contributions.csv:2: funded_by: the links form a loop: C1 → C2 → C1")]
    [InlineData("C1,DE,UA,2025-01-01,military,equipment,nato,5,EUR,cash,s,C9,\n",
        "contributions.csv:2: funded_by: no contribution \"C9\"")]
    [InlineData("C1,DE,UA,2025-01-01,lethal,equipment,nato,5,EUR,cash,s,,\n",
        "contributions.csv:2: aid_type: expected one of military, financial, humanitarian, got \"lethal\"")]
    [InlineData("C1,DE,DE,2025-01-01,military,equipment,nato,5,EUR,cash,s,,\n",
        "contributions.csv:2: recipient: a nation does not contribute to itself (DE)")]
    [InlineData("C1,XX,UA,2025-01-01,military,equipment,nato,5,EUR,cash,s,,\n",
        "contributions.csv:2: donor: unknown nation \"XX\"")]
    public async Task Is_refused_and_changes_nothing(string rows, string expected)
    {
        await using var ledger = await DemoLedger.CreateAsync("sqlite");
        var before = await LedgerState.FingerprintAsync(ledger);
        ledger.WriteFile("contributions.csv", Header + rows);

        var run = await ledger.RunAsync("import", "./contributions.csv");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain(expected);
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task A_year_of_baseline_must_be_in_euros_above_zero()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("baselines.csv", "year,amount_eur,source\n2025,0,NATO\n");

        var run = await ledger.RunAsync("import", "./baselines.csv");

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("baselines.csv:2: amount_eur: expected an amount > 0, got \"0\"");
    }
}
