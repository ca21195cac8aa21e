using Mainstay.Data.Ledger;

namespace Mainstay.Data.Tests.Files;

public sealed class RoundTripTests
{
    [Theory]
    [InlineData("sqlite", "csv")]
    [InlineData("sqlite", "xlsx")]
    [InlineData("postgres", "csv")]
    [InlineData("postgres", "xlsx")]
    public async Task Every_table_exports_and_reimports_unchanged(string database, string format)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        var demo = await ledger.RunAsync("demo", "--db", "./demo.db");
        demo.Exit.ShouldBe(0, demo.Error);
        var export = await ledger.RunAsync("export", "--out", "./out", "--format", format, "--db", "./demo.db");
        export.Exit.ShouldBe(0, export.Error);

        var files = Directory.GetFiles(Path.Combine(ledger.Folder, "out"), "*." + format).Order(StringComparer.Ordinal)
            .ToArray();
        files.Length.ShouldBe(LedgerKinds.All.Count);
        var import = await ledger.RunAsync(["import", .. files]);
        import.Exit.ShouldBe(0, import.Error);
        import.Out.ShouldContain("offers." + format + ": 300 added");
        import.Out.ShouldContain("pledges." + format + ": 110 added");
        import.Out.ShouldContain("funds." + format + ": 11 added");
        import.Out.ShouldContain("procurement." + format + ": 13 added");

        var again = await ledger.RunAsync("export", "--out", "./again", "--format", "csv");
        again.Exit.ShouldBe(0, again.Error);
        var original = await ledger.RunAsync("export", "--out", "./original", "--format", "csv", "--db", "./demo.db");
        original.Exit.ShouldBe(0, original.Error);
        foreach (var file in Directory.GetFiles(Path.Combine(ledger.Folder, "original")))
            File.ReadAllText(Path.Combine(ledger.Folder, "again", Path.GetFileName(file)))
                .ShouldBe(File.ReadAllText(file), Path.GetFileName(file));
    }

    [Fact]
    public async Task The_ECB_format_with_NA_cells_and_trailing_commas_is_read_and_rates_kept_without_trailing_zeros()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("eurofxref-hist.csv",
            "Date,USD,JPY,BGN,CYP,\r\n2025-05-09,1.1252,163.36,1.9558,N/A,\r\n2025-05-08,1.1290,162.77,1.9558,N/A,\r\n"
                + "1999-01-04,1.1789,133.73,N/A,0.58231,\r\n");

        var run = await ledger.RunAsync("import", "./eurofxref-hist.csv");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("eurofxref-hist.csv: 9 added");
        var list = await ledger.RunAsync("export", "./exchange-rates.csv");
        list.Exit.ShouldBe(0, list.Error);
        File.ReadAllText(Path.Combine(ledger.Folder, "exchange-rates.csv")).ShouldBe("""
            currency,date,units_per_euro
            BGN,2025-05-08,1.9558
            BGN,2025-05-09,1.9558
            CYP,1999-01-04,0.58231
            JPY,1999-01-04,133.73
            JPY,2025-05-08,162.77
            JPY,2025-05-09,163.36
            USD,1999-01-04,1.1789
            USD,2025-05-08,1.129
            USD,2025-05-09,1.1252

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_CSV_with_a_byte_order_mark_CRLF_blank_lines_and_padded_fields_is_accepted()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv",
            "\uFEFFcode , name,role,currency\r\n\r\n DE , Germany ,ally,EUR\r\n\r\nUA,Ukraine,recipient,UAH\r\n");

        var run = await ledger.RunAsync("import", "./nations.csv");

        run.Exit.ShouldBe(0, run.Error);
        run.Out.ShouldContain("nations.csv: 2 added");
    }

    [Fact]
    public async Task Line_numbers_count_physical_lines_across_quoted_line_breaks()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        ledger.WriteFile("nations.csv", Samples.Nations);
        ledger.WriteFile("offers.csv",
            "id,donor,item,quantity,available,transit_months,recipients,conditions\n"
                + "O1,DE,fpv-drone,5,2025-01,0,*,\"first line\nsecond line\"\n\nO2,DE,fpv-drone,0,2025-01,0,*,\n");

        var run = await ledger.RunAsync("import", "./nations.csv", "./offers.csv");

        run.Error.ShouldContain("offers.csv:5: quantity: expected an integer > 0, got \"0\"");
    }

    [Fact]
    public void Fields_with_commas_quotes_line_breaks_and_edge_spaces_survive_writing_and_reading()
    {
        string[] awkward = ["plain", "a, b", "say \"no\"", "two\nlines", " padded ", ""];
        using var stream = new MemoryStream();

        Mainstay.Data.Files.CsvTableFile.Write(stream, ["a", "b", "c", "d", "e", "f"], [awkward]);
        var table = Mainstay.Data.Files.CsvTableFile.Read("x.csv", stream.ToArray()).Value;

        table.Rows.Single().Cells.ShouldBe(awkward);
    }
}
