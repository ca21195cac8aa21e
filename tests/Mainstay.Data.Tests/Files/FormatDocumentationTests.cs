using System.Text.RegularExpressions;

namespace Mainstay.Data.Tests.Files;

/// <summary>The examples in docs/formats.md are real files: they import, together, without a problem.</summary>
public sealed partial class FormatDocumentationTests
{
    [Fact]
    public async Task Every_example_in_the_format_documentation_imports()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Mainstay.slnx")))
            root = Path.GetDirectoryName(root)!;
        var markdown = await File.ReadAllTextAsync(Path.Combine(root, "docs", "formats.md"));
        await using var ledger = await TestLedger.CreateAsync("sqlite");

        var files = new List<string>();
        string? heading = null;
        foreach (Match match in HeadingOrExample().Matches(markdown))
        {
            if (match.Groups["heading"].Success)
                heading = match.Groups["heading"].Value;
            else if (heading is not null)
                files.Add(ledger.WriteFile(FileName(heading), match.Groups["csv"].Value));
        }

        files.Count.ShouldBe(Mainstay.Data.Ledger.LedgerKinds.All.Count);
        var run = await ledger.RunAsync(["import", .. files]);
        run.Exit.ShouldBe(0, run.Error);
        run.Error.ShouldBeEmpty();
    }

    private static string FileName(string heading) =>
        heading.StartsWith("Exchange rates", StringComparison.Ordinal) ? "exchange-rates.csv"
        : heading.StartsWith("Annual rates", StringComparison.Ordinal) ? "annual-rates.csv"
        : heading.Trim();

    [GeneratedRegex(@"^## (?<heading>[^\n]+)$|^```csv\n(?<csv>.*?)^```",
        RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex HeadingOrExample();
}
