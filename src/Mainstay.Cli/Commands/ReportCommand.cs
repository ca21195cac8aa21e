using System.CommandLine;
using System.Globalization;
using System.Text;
using Mainstay.BurdenSharing;
using Mainstay.Data.BurdenSharing;
using Mainstay.Data.Files;
using Mainstay.Problems;
using Mainstay.Reports;

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay report burden-sharing | contributions</c>: burden-sharing accounts of the ledger.</summary>
public static class ReportCommand
{
    /// <summary>The options both reports take; each command gets its own instances.</summary>
    private sealed class PeriodOptions
    {
        public Option<int> Year { get; } = new("--year")
        {
            Description = "The year to report",
            Required = true,
            HelpName = "YEAR",
        };
        public Option<int?> Half { get; } = new("--half")
        {
            Description = "Only one half of the year: 1 (January–June) or 2 (July–December)",
            HelpName = "1|2",
        };
        public Option<int?> GdpYear { get; } = new("--gdp-year")
        {
            Description = "The year whose GDP shares the baseline. Default: the year before --year",
            HelpName = "YEAR",
        };
        public Option<decimal?> Baseline { get; } = new("--baseline")
        {
            Description = "The baseline in EUR for this report, instead of the ledger's baseline for the year",
            HelpName = "EUR",
        };
        public Option<string?> Out { get; } = new("--out")
        {
            Description = "Write the report into this file instead of the terminal (required for xlsx)",
            HelpName = "FILE",
        };

        public PeriodOptions(Command command)
        {
            Half.AcceptOnlyFromAmong("1", "2");
            foreach (var option in new Option[] { Year, Half, GdpYear, Baseline, Out })
                command.Options.Add(option);
        }
    }

    public static Command Create(CliContext context)
    {
        var command = new Command("report", "Reports on the ledger.");
        command.Subcommands.Add(BurdenSharing(context));
        command.Subcommands.Add(Contributions(context));
        return command;
    }

    private static Command BurdenSharing(CliContext context)
    {
        var format = new Option<string>("--format")
        {
            Description = "table (the terminal), csv, xlsx, svg (a bar chart) or html (chart and table)",
            DefaultValueFactory = _ => "table",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("table", "csv", "xlsx", "svg", "html");
        var command = new Command("burden-sharing", "Each ally's contributions counted against its fair share of the "
            + "baseline (by GDP), with % of GDP and rank; partners' contributions; the "
            + "allies' share of all military support. The rule is printed with the report.");
        var options = new PeriodOptions(command);
        command.Options.Add(format);
        command.SetAction((parsed, cancel) => WithReportAsync(parsed, options, context, cancel, async report =>
        {
            var chosen = parsed.GetValue(format)!;
            var path = parsed.GetValue(options.Out);
            if (chosen == "xlsx")
            {
                await using var file = File.Create(path!);
                XlsxTableFile.Write(
                    file, $"Burden sharing {report.Period}", BurdenSharingTable.Header,
                    BurdenSharingTable.Rows(report).ToArray(), BurdenSharingTable.NumericColumns);
                return;
            }
            var text = chosen switch
            {
                "csv" => Csv(BurdenSharingTable.Header, BurdenSharingTable.Rows(report)),
                "svg" => BurdenSharingChart.Svg(report),
                "html" => BurdenSharingChart.Html(report),
                _ => string.Join('\n', BurdenSharingTable.Text(report)) + "\n",
            };
            await WriteAsync(context, path, text);
        }, requireOut: parsed.GetValue(format) == "xlsx"));
        return command;
    }

    private static Command Contributions(CliContext context)
    {
        var command = new Command("contributions", "Every contribution of the period as CSV: its EUR value, the rate "
            + "used and how it was found, and whether it counts (and why not).");
        var options = new PeriodOptions(command);
        command.SetAction((parsed, cancel) =>
        {
            var period = new ReportPeriod(parsed.GetValue(options.Year), parsed.GetValue(options.Half));
            return CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
            {
                var problems = new List<Problem>();
                var listing = await BurdenSharingReports.ListAsync(db, period, problems, cancel);
                if (listing is null)
                    return context.Reject(problems, $"no listing for {period}");
                string[] header =
                [
                    "id", "donor", "recipient", "value_date", "aid_type", "category", "channel", "amount", "currency",
                    "valuation", "eur", "units_per_euro", "rate_basis", "counted", "not_counted_because", "source"
                ];
                var rows = listing.Select(v => new[]
                {
                    v.Contribution.Id, v.Contribution.Donor, v.Contribution.Recipient,
                    v.Contribution.ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Codes.Of(v.Contribution.AidType), Codes.Of(v.Contribution.Category),
                    Codes.Of(v.Contribution.Channel), v.Contribution.Amount.AmountText(),
                    v.Contribution.Amount.Currency.Code, Codes.Of(v.Contribution.Valuation), v.Value.Eur.AmountText(),
                    v.Value.UnitsPerEuro.ToString("0.##########", CultureInfo.InvariantCulture), v.Value.RateBasis,
                    v.Counted ? "yes" : "no",
                    v.Contribution.NotCountedBecause ?? "", v.Contribution.Source,
                });
                await WriteAsync(context, parsed.GetValue(options.Out), Csv(header, rows));
                return ExitCode.Ok;
            }, readOnly: true);
        });
        return command;
    }

    private static Task<int> WithReportAsync(
        ParseResult parsed, PeriodOptions options, CliContext context, CancellationToken cancel,
        Func<BurdenSharingReport, Task> write, bool requireOut = false)
    {
        if (requireOut && parsed.GetValue(options.Out) is null)
        {
            context.Error.WriteLine("--out: required for --format xlsx: the .xlsx file to write");
            return Task.FromResult(ExitCode.BadInput);
        }
        var year = parsed.GetValue(options.Year);
        var baseline = parsed.GetValue(options.Baseline);
        if (baseline is <= 0)
        {
            context.Error.WriteLine($"--baseline: expected an amount in EUR > 0, got {baseline}");
            return Task.FromResult(ExitCode.BadInput);
        }
        var period = new ReportPeriod(year, parsed.GetValue(options.Half));
        return CommonOptions.WithLedgerAsync(parsed, context, cancel, async db =>
        {
            var request = new ReportBurdenSharing.Request(
                year, parsed.GetValue(options.Half), parsed.GetValue(options.GdpYear),
                baseline is { } eur ? Money.Money.FromUnits(eur, Money.Currency.Eur) : null);
            var outcome = await ReportBurdenSharing.HandleAsync(
                db, request, CommonOptions.Operator(parsed, context), context.Clock, cancel);
            if (outcome.Report is not { } report)
                return context.Reject(outcome.Problems, $"no report for {period}");
            await write(report);
            return ExitCode.Ok;
        }, readOnly: true);
    }

    private static string Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        CsvTableFile.Write(buffer, header, rows);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static async Task WriteAsync(CliContext context, string? path, string text)
    {
        if (path is null)
            await context.Out.WriteAsync(text);
        else
            await File.WriteAllTextAsync(path, text, new UTF8Encoding(false));
    }
}
