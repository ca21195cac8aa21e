namespace Mainstay.Data.Tests.Import;

/// <summary>
/// Every way a rate comes in holds it to one bound, 1e15 (Mainstay.Money.Rates.Max): a rate up to
/// decimal's largest used to import, and the report valuing an amount at it then crashed.
/// </summary>
public sealed class RateBoundTests
{
    private const string Huge = "79228162514264337593543950335";

    [Theory]
    [InlineData("exchange-rates.csv",
        "currency,date,units_per_euro\nUSD,2025-03-13,1.09\nUSD,2025-03-14," + Huge + "\n",
        "exchange-rates.csv:3: units_per_euro: expected a rate > 0 and at most 1e15 such as 1.0823, got \"" + Huge
            + "\"")]
    [InlineData("exchange-rates.csv", "currency,date,units_per_euro\nUSD,2025-03-14,1000000000000000.1\n",
        "exchange-rates.csv:2: units_per_euro: expected a rate > 0 and at most 1e15 such as 1.0823, "
            + "got \"1000000000000000.1\"")]
    [InlineData("eurofxref-hist.csv", "Date,USD,JPY,\n2025-03-14," + Huge + ",163.36,\n",
        "eurofxref-hist.csv:2: USD: expected a rate > 0 and at most 1e15 such as 1.0823 or N/A, got \"" + Huge + "\"")]
    [InlineData("annual-rates.csv", "currency,year,units_per_usd,source\nALL,2024," + Huge + ",IMF\n",
        "annual-rates.csv:2: units_per_usd: expected a rate > 0 and at most 1e15 such as 93.12, got \"" + Huge + "\"")]
    [InlineData("imf_exchangerates_A_ENDA_USD.csv",
        "Date,Rate,Currency,Frequency,Source,Country code,Country\n2024-12-31,"
        + Huge + ",ALL,A,IMF,AL,Albania\n",
        "imf_exchangerates_A_ENDA_USD.csv:2: Rate: expected a rate > 0 and at most 1e15 such as 93.12")]
    public async Task A_rate_beyond_the_bound_is_refused_in_every_file(string name, string content, string expected)
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile(name, content);

        var run = await ledger.RunAsync("import", "./" + name);

        run.Exit.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith(expected);
        File.Exists(Path.Combine(ledger.Folder, "ledger.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_largest_rate_imports_and_values_amounts()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv",
            "code,name,role,currency\nUS,United States,ally,USD\nUA,Ukraine,recipient,UAH\n");
        ledger.WriteFile("exchange-rates.csv", "currency,date,units_per_euro\nUSD,2025-03-14,1000000000000000\n");
        ledger.WriteFile("contributions.csv",
            "id,donor,recipient,value_date,aid_type,category,channel,amount,currency,valuation,source\n"
            + "US-C1,US,UA,2025-03-14,military,equipment,bilateral,92233720368547758.00,USD,cash,test\n");
        (await ledger.RunAsync("import", "./nations.csv", "./exchange-rates.csv", "./contributions.csv")).Exit.ShouldBe(
            0);

        var listing = await ledger.RunAsync("report", "contributions", "--year", "2025");

        listing.Exit.ShouldBe(0, listing.Error);
        listing.Out.ShouldContain("92.23"); // 92,233,720,368,547,758 US$, the largest amount, at 1e15 per euro
    }
}
