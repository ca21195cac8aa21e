using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Mainstay.Data.Export;
using Mainstay.Data.Files;
using Mainstay.Data.Import;

namespace Mainstay.Data.Tests.Import;

/// <summary>
/// Seeded mutations of valid files of every kind the importer reads (every ledger table as CSV, some
/// as Excel, the ECB's, the IMF's and the Kiel tracker's files): byte flips, truncation, repeated and
/// swapped lines and columns, numbers at and beyond decimal's and long's limits, control characters,
/// bad UTF-8, damaged workbook XML. Each run through the real command either imports or exits 2 with
/// problems that name the file and line, and then leaves the ledger exactly as it was; never exit 1,
/// never an unhandled exception. Once a file imports, the contributions report values what it holds,
/// or says why it cannot, without crashing.
/// </summary>
public sealed partial class ImportFuzzTests
{
    private const int Runs = 500;

    private static readonly string[] Numbers =
    [
        "99999999999999999999999", "7e28", "-1e400", "4294967295", "-0", "1e-30", "NaN", "-5", "1,5",
        "79228162514264337593543950335", "79228162514264337593543950336", "9223372036854775807", "9223372036854775808",
        "92233720368547758.07", "1e28", "1000000000000000", "0.0000000000000000000000000001",
    ];
    private static readonly string[] Controls = ["\0", "\u0001", "\u001b", "\v", "\u007f", "\u2028", "\r", "\""];
    private static readonly byte[][] BadUtf8 = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF0, 0x9F]];
    private static readonly string[] References = ["ZZZZZZZ2", "BZZZZZZ2", "XFE2", "A0", "2", "A4294967295", "A-1", ""];

    [Fact]
    public async Task Every_importer_either_imports_or_reports_where_and_changes_nothing()
    {
        await using var ledger = await TestLedger.WithSamplesAsync("sqlite", ["nations"]);
        var seeds = Seeds();
        // Another seed explores further: MAINSTAY_FUZZ_SEED=7 dotnet test --filter ImportFuzz
        var seed = int.TryParse(Environment.GetEnvironmentVariable("MAINSTAY_FUZZ_SEED"), out var chosen) ? chosen
            : 20261201;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var (imported, refused) = (0, 0);
        var before = await LedgerState.FingerprintAsync(ledger);
        for (var i = 0; i < Runs; i++)
        {
            var (name, bytes) = seeds[i % seeds.Length];
            var (mutation, mutated) = name.EndsWith(".xlsx", StringComparison.Ordinal) ? MutateWorkbook(random, bytes)
                : MutateText(random, bytes);
            var folder = Directory.CreateDirectory(Path.Combine(ledger.Folder, $"run{i}")).FullName;
            var path = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(path, mutated);
            var what = $"seed {seed}, run {i}: {mutation} of {name} (saved as {path})";

            foreach (var problem in LedgerImport.ReadFiles([path], null).Problems)
                problem.Where.ShouldMatch($"^{Regex.Escape(name)}(:[1-9][0-9]*)?$", $"{what}: {problem}");
            var run = await ledger.RunAsync("import", path);

            run.Error.ShouldNotContain("Exception", Case.Sensitive, what);
            if (run.Exit == 0)
            {
                imported++;
                var report = await ledger.RunAsync("report", "contributions", "--year", "2025");
                report.Error.ShouldNotContain("Exception", Case.Sensitive, what);
                report.Exit.ShouldBeOneOf([0, 2], $"{what}\n{report.Error}");
                before = await LedgerState.FingerprintAsync(ledger);
                continue;
            }
            refused++;
            run.Exit.ShouldBe(2, $"{what}\n{run.Error}");
            run.Error.ShouldStartWith(name + ":", Case.Sensitive, $"{what}\n{run.Error}");
            run.Error.TrimEnd().ShouldEndWith("; nothing was imported", Case.Sensitive, what);
            (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before, what);
        }
        imported.ShouldBeGreaterThan(Runs / 20);
        refused.ShouldBeGreaterThan(Runs / 2);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
    }

    private static (string Name, byte[] Bytes)[] Seeds()
    {
        var contributions =
            "id,donor,recipient,value_date,aid_type,category,channel,amount,currency,valuation,source,funded_by,reimbursed_by,correction\n"
            + "C1,DE,UA,2025-02-14,military,trust-fund,nato,300000000,EUR,cash,NATO CAP trust fund receipt,,,\n"
            + "C2,DE,UA,2025-06-02,military,maintenance-logistics,nato,180000000,EUR,cash,NSPA purchase,C1,,\n"
            + "C3,PL,UA,2025-05-16,military,equipment,bilateral,-850000,PLN,declared,Polish MoD,,,yes\n";
        var ecb =
            "Date,USD,JPY,BGN,CYP,\r\n2025-05-09,1.1252,163.36,1.9558,N/A,\r\n2025-05-08,1.1290,162.77,1.9558,N/A,\r\n"
                + "1999-01-04,1.1789,133.73,N/A,0.58231,\r\n";
        var imf = "Date,Rate,Currency,Frequency,Source,Country code,Country\n2024-12-31,93.12,ALL,A,IMF,AL,Albania\n"
            + "2024-12-31,0.92,EUR,A,IMF,DE,Germany\n2024-12-31,0.93,EUR,A,IMF,FR,France\n"
            + "1948-12-31,3.3,DEM,A,IMF,DE,Germany\n";
        var kiel =
            "\"country\",\"iso\",\"year\",\"month\",\"total\",\"financial\",\"humanitarian\",\"military\","
            + "\"commitments\",\"to_be_allocated\",\"gdp\",\"pct_gdp\"\n"
            + "\"Germany\",\"DEU\",2025,3,0.5,0,0.1,0.4,0.9,0.4,4000,0\n"
            + "\"Poland\",\"POL\",2025,4,-0.0653,0,0,-0.0653,0,0.0653,700,0\n";
        (string, string)[] text =
        [
            ("nations.csv", Samples.Nations + "\n"), ("offers.csv", Samples.Offers + "\n"),
            ("requirements.csv", Samples.Requirements + "\n"),
            ("pledges.csv", Samples.Pledges + "\n"), ("contributions.csv", contributions), ("eurofxref-hist.csv", ecb),
            ("imf_exchangerates_A_ENDA_USD.csv", imf), ("data_explorer.csv", kiel), .. OtherKinds,
        ];
        return [.. text.Select(t => (t.Item1, Encoding.UTF8.GetBytes(t.Item2))),
            ("offers.xlsx", Workbook(Samples.Offers)), ("contributions.xlsx", Workbook(contributions))];
    }

    /// <summary>The other tables, as docs/formats.md shows them, over the nations and items of the samples.</summary>
    private static readonly (string, string)[] OtherKinds =
    [
        ("gdp.csv",
            "nation,year,amount,currency,source\nDE,2024,4610035219653,USD,NATO\nJP,2024,609000000000000,JPY,IMF\n"),
        ("items.csv", "item,capability,unit_value_eur,name\n155mm-shell,artillery,4000,155 mm shell\n"
            + "generator-100kva,energy,40000,100 kVA generator\ndemining-kit,demining,12000,Manual demining kit\n"),
        ("coalitions.csv", "id,name,capability,leads,members\ncc-it,IT Coalition,it-secure-comms,DE;PL,GB;JP\n"),
        ("exchange-rates.csv",
            "currency,date,units_per_euro\nUSD,2025-05-09,1.1252\nJPY,2025-05-09,163.36\nPLN,2025-01-02,4.27\n"),
        ("annual-rates.csv",
            "currency,year,units_per_usd,source\nALL,2024,93.1233333333,IMF\nEUR,2024,0.9241284967,IMF\n"),
        ("baselines.csv", "year,amount_eur,source\n2025,40000000000,NATO Washington Summit Declaration\n"),
        ("deliveries.csv",
            "id,offer,recipient,quantity,delivered_on,source\nD-0001,O1,UA,4000,2025-02-20,Delivery note 2025/114\n"),
    ];

    /// <summary>A workbook holding a CSV table, as <c>mainstay export</c> writes it.</summary>
    private static byte[] Workbook(string csv)
    {
        var table = CsvTableFile.Parse("seed.csv", csv).Value;
        using var stream = new MemoryStream();
        LedgerExport.Write(stream, "seed", table.Header, table.Rows.Select(r => (IReadOnlyList<string>)r.Cells),
            new HashSet<int> { 3, 7 }, ExportFormat.Xlsx);
        return stream.ToArray();
    }

    private static (string, byte[]) MutateText(Random random, byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').ToList();
        var line = random.Next(1, Math.Max(2, lines.Count - 1));
        switch (random.Next(12))
        {
            case 0:
                var flipped = (byte[])bytes.Clone();
                var at = random.Next(flipped.Length);
                flipped[at] = (byte)random.Next(256);
                return ($"byte {at} set to 0x{flipped[at]:X2}", flipped);
            case 1:
                var cut = random.Next(bytes.Length);
                return ($"truncated to {cut} bytes", bytes[..cut]);
            case 2:
                lines.Insert(line, lines[line]);
                return ($"line {line + 1} repeated", Join(lines));
            case 3:
                var column = random.Next(4);
                return ($"column {column} repeated",
                    Join(lines.Select(
                        l => EditFields(l,
                            f => f.Insert(Math.Min(column, f.Count), f[Math.Min(column, f.Count - 1)])))));
            case 4:
                var (a, b) = (random.Next(6), random.Next(6));
                return ($"columns {a} and {b} swapped", Join(lines.Select(l => EditFields(l, f =>
                {
                    if (a < f.Count && b < f.Count)
                        (f[a], f[b]) = (f[b], f[a]);
                }))));
            case 5:
                var number = Numbers[random.Next(Numbers.Length)];
                var digits = DigitRun().Matches(text);
                if (digits.Count == 0)
                    goto default;
                var run = digits[random.Next(digits.Count)];
                return ($"number at {run.Index} replaced by {number}",
                    Encoding.UTF8.GetBytes(text[..run.Index] + number + text[(run.Index + run.Length)..]));
            case 6:
                var control = Controls[random.Next(Controls.Length)];
                var where = random.Next(text.Length);
                return ($"U+{(int)control[0]:X4} inserted at {where}",
                    Encoding.UTF8.GetBytes(text.Insert(where, control)));
            case 7:
                var bad = BadUtf8[random.Next(BadUtf8.Length)];
                var into = random.Next(bytes.Length);
                return ($"bad UTF-8 {Convert.ToHexString(bad)} inserted at {into}",
                    [.. bytes[..into], .. bad, .. bytes[into..]]);
            case 8:
                lines.RemoveAt(line);
                return ($"line {line + 1} removed", Join(lines));
            case 9:
                var field = random.Next(8);
                return ($"field {field} of line {line + 1} emptied",
                    Join(lines.Select((l, i) => i != line ? l : EditFields(l, f =>
                {
                    if (field < f.Count)
                        f[field] = "";
                }))));
            case 10:
                return ("header only", Encoding.UTF8.GetBytes(lines[0] + "\n"));
            default:
                return ($"line {line + 1} cut in half",
                    Join(lines.Select((l, i) => i == line ? l[..(l.Length / 2)] : l)));
        }
    }

    private static (string, byte[]) MutateWorkbook(Random random, byte[] bytes)
    {
        switch (random.Next(6))
        {
            case 0:
                var flipped = (byte[])bytes.Clone();
                var at = random.Next(flipped.Length);
                flipped[at] ^= (byte)(1 + random.Next(255));
                return ($"zip byte {at} flipped", flipped);
            case 1:
                var cut = random.Next(bytes.Length);
                return ($"zip truncated to {cut} bytes", bytes[..cut]);
            case 2:
                var reference = References[random.Next(References.Length)];
                return ($"a cell reference replaced by \"{reference}\"",
                    EditSheet(bytes,
                        xml => CellReference().Replace(xml, $"r=\"{reference}\"", 1, random.Next(xml.Length / 2))));
            case 3:
                var row = random.Next(2) == 0 ? "4294967295" : "0";
                return ($"a row number replaced by {row}",
                    EditSheet(bytes,
                        xml => RowReference().Replace(xml, $"<row r=\"{row}\"", 1, random.Next(xml.Length / 2))));
            case 4:
                var position = random.Next(bytes.Length);
                return ($"sheet XML cut at {position}", EditSheet(bytes, xml => xml[..(position % xml.Length)]));
            default:
                var (name, content) = Seeds().First(s => s.Name == "offers.csv");
                var (mutation, mutated) = MutateText(random, content);
                var table = CsvTableFile.Parse(name, Encoding.UTF8.GetString(mutated));
                if (!table.IsOk)
                    return ($"{mutation}, as a workbook of the header only", Workbook(Samples.Offers.Split('\n')[0]));
                using (var stream = new MemoryStream())
                {
                    LedgerExport.Write(stream, "offers", table.Value.Header,
                        table.Value.Rows.Select(r => (IReadOnlyList<string>)r.Cells), new HashSet<int> { 3 },
                        ExportFormat.Xlsx);
                    return ($"{mutation}, as a workbook", stream.ToArray());
                }
        }
    }

    /// <summary>The workbook with its sheet's XML changed.</summary>
    private static byte[] EditSheet(byte[] workbook, Func<string, string> edit)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var content = reader.ReadToEnd();
                if (entry.FullName.Contains("worksheets/", StringComparison.Ordinal))
                    content = edit(content);
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                writer.Write(content);
            }
        }
        return output.ToArray();
    }

    private static string EditFields(string line, Action<List<string>> edit)
    {
        var fields = line.Split(',').ToList();
        edit(fields);
        return string.Join(',', fields);
    }

    private static byte[] Join(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines));

    [GeneratedRegex("[0-9]+")]
    private static partial Regex DigitRun();

    [GeneratedRegex("r=\"[A-Z]+[0-9]+\"")]
    private static partial Regex CellReference();

    [GeneratedRegex("<row r=\"[0-9]+\"")]
    private static partial Regex RowReference();
}
