using System.Globalization;
using Mainstay.Data.Demo;
using Mainstay.Data.Storage;
using Mainstay.Money;

namespace Mainstay.Data.Tests.SharedData;

/// <summary>Mainstay against the real public files in ../shared/data.</summary>
public sealed class PublicDataTests
{
    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task The_ECBs_own_history_file_imports_whole(string database)
    {
        var ecb = SharedDataFolder.File("ecb", "eurofxref-hist.csv");
        await using var ledger = await TestLedger.CreateAsync(database);

        var run = await ledger.RunAsync("import", ecb);

        run.Exit.ShouldBe(0, run.Error);
        await using var db = await ledger.OpenAsync();
        var rates = await LedgerReader.LoadAsync(db, Mainstay.Data.Ledger.LedgerKinds.ExchangeRates);
        rates.Count.ShouldBeGreaterThan(200_000);
        var converter = new EuroConverter(rates);
        var tenThousandDollars = new Mainstay.Money.Money(1_000_000, Currency.Find("USD")!);
        var value = converter.ToEur(tenThousandDollars, new DateOnly(2025, 5, 10)).Value;
        value.UnitsPerEuro.ShouldBe(1.1252m);
        value.RateDate.ShouldBe(new DateOnly(2025, 5, 9));
        converter.ToEur(tenThousandDollars, new DateOnly(1999, 1, 4)).Value.UnitsPerEuro.ShouldBe(1.1789m);

        var again = await ledger.RunAsync("import", ecb);
        again.Out.ShouldContain("no changes");
    }

    [Fact]
    public void The_shipped_ECB_extract_is_made_of_the_ECBs_own_lines()
    {
        var published = File.ReadAllLines(SharedDataFolder.File("ecb", "eurofxref-hist.csv"))
            .ToHashSet(StringComparer.Ordinal);
        var shipped = ReadEmbedded("ecb-rates.csv");

        shipped.Length.ShouldBeGreaterThan(40);
        shipped.Where(line => !published.Contains(line)).ShouldBeEmpty();
    }

    [Fact]
    public void The_shipped_IMF_extract_is_made_of_the_IMFs_own_lines()
    {
        var published = File.ReadAllLines(SharedDataFolder.File("imf-fx", "imf_exchangerates_A_ENDA_USD.csv"))
            .ToHashSet(StringComparer.Ordinal);
        var shipped = ReadEmbedded("imf-rates.csv");

        shipped.Length.ShouldBe(60);
        shipped.Where(line => !published.Contains(line)).ShouldBeEmpty();
    }

    [Fact]
    public void The_shipped_GDP_of_partners_and_recipients_is_the_World_Banks()
    {
        var worldBank = File.ReadAllLines(SharedDataFolder.File("gdp", "gdp.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= 4)
            .ToDictionary(cells => (cells[^3], cells[^2]),
                cells => decimal.Parse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture));
        var iso3 = new Dictionary<string, string>
        {
            ["JP"] = "JPN", ["AU"] = "AUS", ["KR"] = "KOR", ["UA"] = "UKR", ["MD"] = "MDA", ["GE"] = "GEO",
            ["CN"] = "CHN", ["CY"] = "CYP", ["IN"] = "IND", ["MT"] = "MLT",
        };

        var shipped = ReadEmbedded("gdp.csv").Skip(1).Select(line => line.Split(',')).Where(c => iso3.ContainsKey(c[0]))
            .ToArray();

        shipped.Length.ShouldBe(iso3.Count * 10);
        foreach (var cells in shipped)
            decimal.Parse(cells[2], CultureInfo.InvariantCulture)
                .ShouldBe(Math.Round(worldBank[(iso3[cells[0]], cells[1])], MidpointRounding.AwayFromZero),
                    $"{cells[0]} {cells[1]}");
    }

    private static string[] ReadEmbedded(string name)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("Mainstay.Reference." + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
