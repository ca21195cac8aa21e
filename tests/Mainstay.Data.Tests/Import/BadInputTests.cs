using System.Text;

namespace Mainstay.Data.Tests.Import;

/// <summary>
/// Every kind of bad input gets a clear <c>file:line: column: message</c>, exit status 2, and leaves
/// the ledger exactly as it was (rows and audit trail).
/// </summary>
public sealed class BadInputTests
{
    private const string OfferHeader = "id,donor,item,quantity,available,transit_months,recipients\n";
    private const string PledgeHeader =
        "id,year,donor,recipient,kind,amount,currency,status,announced_on,committed_on,disbursed_on,source\n";

    /// <summary>Case name → (file name, content, expected messages).</summary>
    private static readonly Dictionary<string, (string File, object Content, string[] Expected)> Cases = new()
    {
        ["missing column"] = ("offers.csv",
            "id,donor,item,quantity,available,transit_months\nO1,DE,fpv-drone,5,2025-01,0\n",
            ["offers.csv:1: recipients: missing column"]),
        ["unknown column"] = ("offers.csv",
            "id,donor,item,quantity,available,transit_months,recipients,colour\nO1,DE,fpv-drone,5,2025-01,0,*,red\n",
            ["offers.csv:1: colour: unknown column; offers files have id, donor, item"]),
        ["duplicate id"] = ("offers.csv",
            OfferHeader
                + "O1,DE,fpv-drone,5,2025-01,0,*\nO2,DE,fpv-drone,5,2025-01,0,*\nO1,PL,fpv-drone,7,2025-02,0,*\n",
            ["offers.csv:4: id: duplicate id \"O1\"; first on line 2"]),
        ["empty required field"] = ("offers.csv", OfferHeader + "O1,DE,,5,2025-01,0,*\n",
            ["offers.csv:2: item: is empty; a value is required"]),
        ["text where a number belongs"] = ("offers.csv", OfferHeader + "O1,DE,fpv-drone,five,2025-01,0,*\n",
            ["offers.csv:2: quantity: expected an integer > 0, got \"five\""]),
        ["negative quantity"] = ("requirements.csv",
            "id,recipient,item,quantity,priority,need_by,useful_months\nR1,UA,fpv-drone,-5,1,2025-01,0\n",
            ["requirements.csv:2: quantity: expected an integer > 0, got \"-5\""]),
        ["zero quantity"] = ("offers.csv", OfferHeader + "O1,DE,fpv-drone,0,2025-01,0,*\n",
            ["offers.csv:2: quantity: expected an integer > 0, got \"0\""]),
        ["quantity too large to plan exactly"] = ("offers.csv",
            OfferHeader + "O1,DE,fpv-drone,1000000001,2025-01,0,*\n",
            ["offers.csv:2: quantity: 1000000001 is too large to plan exactly; the most is 1,000,000,000"]),
        ["priority outside 1..5"] = ("requirements.csv",
            "id,recipient,item,quantity,priority,need_by,useful_months\nR1,UA,fpv-drone,5,6,2025-01,0\n",
            ["requirements.csv:2: priority: expected an integer 1..5, got \"6\""]),
        ["more decimals than the currency has"] = ("pledges.csv",
            PledgeHeader
                + "P1,2025,DE,UA,one-off,100.125,EUR,announced,2025-01-10,,,press release\n"
                + "P2,2025,JP,UA,one-off,100.5,JPY,announced,2025-01-10,,,press release\n",
            ["pledges.csv:2: amount: EUR has 2 decimals, got \"100.125\"",
                "pledges.csv:3: amount: JPY has no decimals, got \"100.5\""]),
        ["unknown currency"] = ("pledges.csv",
            PledgeHeader + "P1,2025,DE,UA,one-off,100,EUX,announced,2025-01-10,,,press release\n",
            ["pledges.csv:2: currency: unknown currency \"EUX\"; expected an ISO 4217 code"]),
        ["bad month"] = ("offers.csv", OfferHeader + "O1,DE,fpv-drone,5,2025-13,0,*\nO2,DE,fpv-drone,5,25-01,0,*\n",
            ["offers.csv:2: available: expected a month YYYY-MM in years 2000..2100, got \"2025-13\"",
                "offers.csv:3: available: expected a month YYYY-MM in years 2000..2100, got \"25-01\""]),
        ["bad date"] = ("pledges.csv",
            PledgeHeader + "P1,2025,DE,UA,one-off,100,EUR,announced,2025-02-30,,,press release\n",
            ["pledges.csv:2: announced_on: expected a date YYYY-MM-DD in years 2000..2100, got \"2025-02-30\""]),
        ["pledge lifecycle out of order"] = ("pledges.csv",
            PledgeHeader + "P1,2025,DE,UA,one-off,100,EUR,disbursed,2025-02-01,2025-03-01,2025-01-01,press release\n",
            ["pledges.csv:2: disbursed_on: disbursed on 2025-01-01, before it was committed on 2025-03-01"]),
        ["empty recipients list"] = ("offers.csv",
            OfferHeader + "O1,DE,fpv-drone,5,2025-01,0,\nO2,DE,fpv-drone,5,2025-01,0,UA;*\n",
            ["offers.csv:2: recipients: is empty; a value is required",
                "offers.csv:3: recipients: * means any recipient and cannot stand in a list"]),
        ["released neither yes nor no"] = ("offers.csv",
            "id,donor,item,quantity,available,transit_months,recipients,released\nO1,DE,fpv-drone,5,2025-01,0,*,maybe\n"
                + "O2,DE,fpv-drone,5,2025-01,0,*,yes\n",
            ["offers.csv:2: released: expected yes or no, got \"maybe\""]),
        ["unknown nation"] = ("offers.csv", OfferHeader + "O1,XX,fpv-drone,5,2025-01,0,UA;ZZ\n",
            ["offers.csv:2: donor: unknown nation \"XX\"", "offers.csv:2: recipients: unknown nation \"ZZ\""]),
        ["rate file with a bad rate"] = ("eurofxref-hist.csv",
            "Date,USD,JPY,\n2025-05-09,1.1252,N/A,\n2025-05-08,abc,163.36,\n",
            ["eurofxref-hist.csv:3: USD: expected a rate > 0 and at most 1e15 such as 1.0823 or N/A, got \"abc\""]),
        ["not UTF-8 text"] = ("offers.csv",
            Encoding.Latin1.GetBytes(OfferHeader + "O1,DE,Kühlschrank,5,2025-01,0,*\n"),
            ["offers.csv:2: not UTF-8 text (byte 0xFC at offset"]),
        ["a binary file"] = ("offers.csv", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00 },
            ["offers.csv:1: not a text file (it contains NUL bytes)"]),
        ["an xlsx that is not a workbook"] = ("offers.xlsx",
            Encoding.UTF8.GetBytes(OfferHeader + "O1,DE,fpv-drone,5,2025-01,0,*\n"),
            ["offers.xlsx: not an Excel workbook (.xlsx) or a damaged one"]),
        ["a truncated xlsx"] = ("offers.xlsx", TruncatedWorkbook(),
            ["offers.xlsx: not an Excel workbook (.xlsx) or a damaged one"]),
        ["a truncated csv cut inside a quote"] = ("offers.csv",
            OfferHeader + "O1,DE,fpv-drone,5,2025-01,0,*\nO2,DE,\"fpv-dr",
            ["offers.csv:3: a quoted field is never closed: the file looks truncated"]),
        ["a truncated csv cut mid-line"] = ("offers.csv",
            OfferHeader + "O1,DE,fpv-drone,5,2025-01,0,*\nO2,DE,fpv-drone,5",
            ["offers.csv:3: expected 7 fields, got 4; is the line cut short?"]),
        ["a rate file cut short"] = ("eurofxref-hist.csv",
            "Date,USD,JPY,GBP,\n2025-05-09,1.1252,163.36,0.8477,\n2025-05-08,1.1",
            ["eurofxref-hist.csv:3: expected 4 fields, got 2; is the line cut short?"]),
        ["a coalition led by any nation"] = ("coalitions.csv",
            "id,name,capability,leads,members\nc1,Test,artillery,*,DE\n",
            ["coalitions.csv:2: leads: unknown nation \"*\""]),
        ["an amount beyond any currency"] = ("items.csv",
            "item,capability,unit_value_eur,name\nx,artillery,9999999999999999999999999999,X\n",
            ["items.csv:2: unit_value_eur: amount is too large"]),
        ["an empty file"] = ("offers.csv", "",
            ["offers.csv: the file is empty; expected a header row of column names"]),
        ["an unsupported file type"] = ("offers.json", "[]",
            ["offers.json: unsupported file type \".json\"; expected .csv or .xlsx"]),
    };

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var database in new[] { "sqlite", "postgres" })
            foreach (var name in Cases.Keys)
                data.Add(database, name);
        return data;
    }

    [Theory, MemberData(nameof(All))]
    public async Task Bad_input_is_reported_clearly_and_changes_nothing(string database, string caseName)
    {
        var (file, content, expected) = Cases[caseName];
        await using var ledger = await TestLedger.CreateAsync(database);
        ledger.WriteFile("nations.csv", Samples.Nations);
        ledger.WriteFile("offers-before.csv", Samples.Offers);
        (await ledger.RunAsync("import", "./nations.csv", "./offers-before.csv")).Exit.ShouldBe(0);
        var before = await LedgerState.FingerprintAsync(ledger);
        if (content is string text)
            ledger.WriteFile(file, text);
        else
            ledger.WriteFile(file, (byte[])content);

        var run = await ledger.RunAsync("import", "./" + file);

        run.Exit.ShouldBe(2, run.Out);
        foreach (var message in expected)
            run.Error.ShouldContain(message, Case.Sensitive, $"stderr was:\n{run.Error}");
        run.Error.ShouldContain("nothing was imported");
        (await LedgerState.FingerprintAsync(ledger)).ShouldBe(before);
    }

    [Theory, MemberData(nameof(TestLedger.Databases), MemberType = typeof(TestLedger))]
    public async Task Every_problem_in_every_file_is_reported_not_only_the_first(string database)
    {
        await using var ledger = await TestLedger.CreateAsync(database);
        ledger.WriteFile("nations.csv", Samples.Nations);
        ledger.WriteFile("offers.csv", OfferHeader + "O1,DE,fpv-drone,-1,2025-01,0,*\nO2,DE,fpv-drone,5,2025-1,x,*\n");
        ledger.WriteFile("requirements.csv",
            "id,recipient,item,quantity,priority,need_by,useful_months\nR1,UA,fpv-drone,5,0,2025-01,121\n");

        var run = await ledger.RunAsync("import", "./nations.csv", "./offers.csv", "./requirements.csv");

        run.Exit.ShouldBe(2);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe([
            "offers.csv:2: quantity: expected an integer > 0, got \"-1\"",
            "offers.csv:3: available: expected a month YYYY-MM in years 2000..2100, got \"2025-1\"",
            "offers.csv:3: transit_months: expected an integer 0..120, got \"x\"",
            "requirements.csv:2: priority: expected an integer 1..5, got \"0\"",
            "requirements.csv:2: useful_months: expected an integer 0..120, got \"121\"",
            "5 problems; nothing was imported",
        ]);
        (await LedgerState.FingerprintAsync(ledger)).ShouldContain("nations:0:");
    }

    private static byte[] TruncatedWorkbook()
    {
        using var stream = new MemoryStream();
        Mainstay.Data.Files.XlsxTableFile.Write(stream, "offers", ["id", "donor"], [["O1", "DE"]], new HashSet<int>());
        var bytes = stream.ToArray();
        return bytes[..(bytes.Length / 2)];
    }
}
