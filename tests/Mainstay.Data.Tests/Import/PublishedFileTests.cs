using Mainstay.Data.Tests.SharedData;

namespace Mainstay.Data.Tests.Import;

/// <summary>
/// Files as their publishers write them (the IMF's rates, the Kiel tracker) import whole: what
/// Mainstay cannot use is skipped, counted and printed with the reason; what cannot be right is a
/// problem with its line and column, never a crash.
/// </summary>
public sealed class PublishedFileTests
{
    private const string ImfHeader = "Date,Rate,Currency,Frequency,Source,Country code,Country\n";
    private const string KielHeader =
        "\"country\",\"iso\",\"year\",\"month\",\"total\",\"financial\",\"humanitarian\",\"military\","
        + "\"commitments\",\"to_be_allocated\",\"gdp\",\"pct_gdp\"\n";

    [Fact]
    public async Task The_IMF_file_as_published_imports_and_says_what_it_skipped()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");

        var run = await ledger.RunAsync("import", SharedDataFolder.File("imf-fx", "imf_exchangerates_A_ENDA_USD.csv"));

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("imf_exchangerates_A_ENDA_USD.csv: 9867 added");
        run.Out.ShouldContain(
            "imf_exchangerates_A_ENDA_USD.csv: skipped 1177 rows in codes that are not current ISO 4217 currencies "
            + "(ATS 49, BEF 98, CSJ 20, DDM 7, DEM 49, ESP 49, FIM 49, FRF 294, GRD 51, HRD 31, IEP 49, ITL 102, LUF "
            + "49, NLG 109, PTE 49, SUR 18, YDD 62, YUN 42)");
        run.Out.ShouldContain(
            "imf_exchangerates_A_ENDA_USD.csv: skipped 70 rows before 1950: annual rates are kept from 1950");
        (await ledger.RunAsync("export", "./annual-rates.csv")).Exit.ShouldBe(0);
        var rates = File.ReadAllLines(Path.Combine(ledger.Folder, "annual-rates.csv"));
        rates.ShouldContain(
            "ARS,1963,0.00000000001387167,IMF annual average per US$"); // 1.4e-11: ten decimals made it zero
        rates.ShouldContain(r => r.StartsWith("XCG,", StringComparison.Ordinal));
        rates.ShouldContain(r => r.StartsWith("ZWG,2024,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2024-12-31,7e28,ALL,A,IMF,AL,Albania\n2024-12-31,7e28,ALL,A,IMF,XK,Kosovo\n",
        "imf_exchangerates_A_ENDA_USD.csv:2: Rate: expected a rate > 0 and at most 1e15 such as 93.12, got \"7e28\"")]
    [InlineData("2024-12-31,0,ALL,A,IMF,AL,Albania\n", "imf_exchangerates_A_ENDA_USD.csv:2: Rate: expected a rate > 0")]
    [InlineData("2024-13-31,93,ALL,A,IMF,AL,Albania\n",
        "imf_exchangerates_A_ENDA_USD.csv:2: Date: expected a date YYYY-12-31")]
    public async Task A_bad_IMF_row_is_named_by_the_files_own_column(string rows, string expected)
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("imf_exchangerates_A_ENDA_USD.csv", ImfHeader + rows);

        var run = await ledger.RunAsync("import", "./imf_exchangerates_A_ENDA_USD.csv");

        run.Exit.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith(expected);
        run.Error.ShouldNotContain("units_per_usd");
    }

    [Fact]
    public async Task Rates_of_one_currency_and_year_are_averaged_without_overflow()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("imf_exchangerates_A_ENDA_USD.csv", ImfHeader
            + "2024-12-31,1e15,ALL,A,IMF,AL,Albania\n2024-12-31,1e15,ALL,A,IMF,XK,Kosovo\n"
            + "2024-12-31,0.5,ALL,A,IMF,ME,Montenegro\n");

        (await ledger.RunAsync("import", "./imf_exchangerates_A_ENDA_USD.csv")).Exit.ShouldBe(0);

        (await ledger.RunAsync("export", "./annual-rates.csv")).Exit.ShouldBe(0);
        File.ReadAllLines(Path.Combine(ledger.Folder, "annual-rates.csv"))[1]
            .ShouldBe("ALL,2024,666666666666666.8333333333,IMF annual average per US$");
    }

    [Theory]
    [InlineData(KielHeader + "\"Germany\",\"DEU\",2025,3,1,0,0,99999999999999999999999,1,0,4000,0\n",
        "data_explorer.csv:2: military: expected an amount in EUR billions such as 0.0653 (at most 1000000), got "
            + "\"99999999999999999999999\"")]
    [InlineData(
        "\"country\",\"iso\",\"year\",\"month\",\"total\",\"financial\",\"humanitarian\",\"military\",\"military\"\n"
            + "\"Germany\",\"DEU\",2025,3,1,0,0,1,1\n",
        "data_explorer.csv:1: military: column appears twice")]
    public async Task A_bad_Kiel_file_is_a_problem_not_a_crash(string content, string expected)
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv", "code,name,role,currency\nDE,Germany,ally,EUR\nUA,Ukraine,recipient,UAH\n");
        ledger.WriteFile("data_explorer.csv", content);

        var run = await ledger.RunAsync("import", "./nations.csv", "./data_explorer.csv");

        run.Exit.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith(expected);
    }

    [Fact]
    public async Task A_negative_Kiel_month_is_a_correction_and_commitments_are_skipped_with_the_reason()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv", "code,name,role,currency\nDE,Germany,ally,EUR\nUA,Ukraine,recipient,UAH\n");
        ledger.WriteFile("data_explorer.csv", KielHeader
            + "\"Germany\",\"DEU\",2025,3,0.5,0,0.1,0.4,0.9,0.4,4000,0\n"
            + "\"Germany\",\"DEU\",2025,4,-0.0653,0,0,-0.0653,0,0.0653,4000,0\n");

        var run = await ledger.RunAsync("import", "./nations.csv", "./data_explorer.csv");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("data_explorer.csv: 3 added");
        run.Out.ShouldContain(
            "data_explorer.csv: skipped 1 monthly commitments (the commitments and to_be_allocated columns): "
                + "a commitment is a promise");
        (await ledger.RunAsync("export", "./contributions.csv")).Exit.ShouldBe(0);
        File.ReadAllLines(Path.Combine(ledger.Folder, "contributions.csv")).ShouldContain(
            "kiel-DEU-2025-04-military,DE,UA,2025-04-30,military,unspecified,bilateral,-65300000.00,EUR,declared,"
            + "\"Kiel Institute for the World Economy, Ukraine Support Tracker (data_explorer.csv)\",,,yes");
    }

    [Theory]
    [InlineData("C1,DE,UA,2025-01-01,military,equipment,nato,-5,EUR,cash,s,,,\n",
        "contributions.csv:2: amount: expected an amount > 0, got \"-5\"; a negative amount is a "
            + "correction: set correction to yes")]
    [InlineData("C1,DE,UA,2025-01-01,military,equipment,nato,5,EUR,cash,s,,,yes\n",
        "contributions.csv:2: amount: a correction takes back part of an earlier contribution: expected "
            + "an amount < 0, got \"5\"")]
    [InlineData("C1,DE,UA,2025-01-01,military,equipment,nato,-5,EUR,cash,s,,,maybe\n",
        "contributions.csv:2: correction: expected yes or no, got \"maybe\"")]
    public async Task A_correction_is_negative_and_only_a_correction_is(string row, string expected)
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv", "code,name,role,currency\nDE,Germany,ally,EUR\nUA,Ukraine,recipient,UAH\n");
        ledger.WriteFile("contributions.csv",
            "id,donor,recipient,value_date,aid_type,category,channel,amount,currency,valuation,source,funded_by,reimbursed_by,correction\n" + row);

        var run = await ledger.RunAsync("import", "./nations.csv", "./contributions.csv");

        run.Exit.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith(expected);
    }

    [Theory]
    [InlineData(16_385, 1, "offers.csv:2: more than 16384 fields in one record (Excel's last column is XFD)")]
    [InlineData(1, 40_000, "offers.csv:2: a field of 40000 characters; the most is 32767 (Excel's limit for a cell)")]
    public async Task A_CSV_record_is_held_to_what_a_spreadsheet_can_hold(int fields, int length, string expected)
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("offers.csv", "id,donor,item,quantity,available,transit_months,recipients\n"
            + string.Join(',', Enumerable.Repeat(new string('x', length), fields)) + "\n");

        var run = await ledger.RunAsync("import", "./offers.csv");

        run.Exit.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith(expected);
    }

    [Fact]
    public async Task A_stray_quote_cannot_swallow_the_rest_of_a_large_file()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("offers.csv",
            "id,donor,item,quantity,available,transit_months,recipients\nO1,DE,\"fpv,5,2025-01,0,*\n"
            + string.Concat(Enumerable.Repeat("O2,DE,fpv-drone,5,2025-01,0,*\n", 2000)) + "O3,DE,x\",5,2025-01,0,*\n");

        var run = await ledger.RunAsync("import", "./offers.csv");

        run.Exit.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith(
            "offers.csv:2: a quoted field runs past 32767 characters (Excel's limit for a "
                + "cell); is a quote left open?");
    }

    [Fact]
    public async Task A_file_larger_than_an_import_reads_is_refused_before_it_is_read()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        using (var sparse = File.Create(Path.Combine(ledger.Folder, "offers.csv")))
            sparse.SetLength(600L * 1024 * 1024); // sparse: no 600 MB written

        var run = await ledger.RunAsync("import", "./offers.csv");

        run.Exit.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith("offers.csv: the file is larger than 512 MB, the most one import reads; split it");
    }
}
