using System.Net;

namespace Mainstay.Web.Tests.Pages;

/// <summary>Uploads on the import page: a zip bomb is refused at once, a published file says what it skipped.</summary>
public sealed class UploadSafetyTests
{
    [Fact]
    public async Task A_workbook_that_unpacks_to_hundreds_of_megabytes_is_refused_within_a_second()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        var before = await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger);
        using var coord = await PageClient.SignInAsync(web, "coord");
        var bomb = Bomb();
        bomb.Length.ShouldBeLessThan(1_000_000);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (status, html) = await UploadAsync(coord, "items.xlsx", bomb);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        html.ShouldContain("the workbook&#x27;s part xl/worksheets/sheet1.xml unpacks to more than");
        (await Mainstay.Data.Tests.LedgerState.FingerprintAsync(web.Ledger)).ShouldBe(before);
    }

    [Fact]
    public async Task A_published_file_says_on_the_page_what_it_skipped()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var coord = await PageClient.SignInAsync(web, "coord");

        var (status, html) = await UploadAsync(coord, "imf_exchangerates_A_ENDA_USD.csv",
            "Date,Rate,Currency,Frequency,Source,Country code,Country\n2024-12-31,93.12,ALL,A,IMF,AL,Albania\n1998-12-31,1.9,DEM,A,IMF,DE,Germany\n"u8.ToArray());

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain(
            "imf_exchangerates_A_ENDA_USD.csv: skipped 1 rows in codes that are not current "
                + "ISO 4217 currencies (DEM 1)");
    }

    private static async Task<(HttpStatusCode, string)> UploadAsync(PageClient client, string name, byte[] content)
    {
        var form = await client.Http.GetStringAsync("/Import");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(PageClient.TokenIn(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "files", name },
            { new StringContent("true"), "allowRemovals" }, // the file holds the whole table of annual rates
        };
        var response = await client.Http.PostAsync("/Import", upload);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>228 MB of sheet XML in about 700 KB, with a header Excel would write.</summary>
    private static byte[] Bomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create,
            leaveOpen: true))
        {
            void Part(string name, params string[] text)
            {
                using var writer = new StreamWriter(
                    zip.CreateEntry(name, System.IO.Compression.CompressionLevel.SmallestSize).Open());
                foreach (var chunk in text)
                    writer.Write(chunk);
            }
            Part("_rels/.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            var row = "<row>" + string.Concat(Enumerable.Repeat("""<c t="inlineStr"><is><t>x</t></is></c>""", 1000))
                + "</row>";
            Part("xl/worksheets/sheet1.xml",
                ["""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""",
                    .. Enumerable.Repeat(row, 6000), "</sheetData></worksheet>"]);
        }
        return stream.ToArray();
    }
}
