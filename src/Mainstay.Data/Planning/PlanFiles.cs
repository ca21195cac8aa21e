using System.Globalization;
using System.Text;
using System.Text.Json;
using Mainstay.Data.Files;
using Mainstay.Planning;
using Mainstay.Reports;

namespace Mainstay.Data.Planning;

/// <summary>
/// Writes a plan as the planning contract's output files. The same plan always gives the same
/// bytes: rows are sorted, numbers invariant, and timings (which vary) are written only on request.
/// </summary>
public static class PlanFiles
{
    /// <summary>
    /// Writes <c>allocations.csv</c>, <c>coverage.csv</c>, <c>purchases.csv</c> and <c>funds.csv</c>, side by side.
    /// </summary>
    public static void WriteRows(string folder, Plan plan)
    {
        Directory.CreateDirectory(folder);
        Parallel.Invoke(
            () => WriteAllocations(folder, plan), () => WriteCoverage(folder, plan),
            () => WritePurchases(folder, plan), () => WriteFunds(folder, plan));
    }

    public static void WriteSummary(
        string folder, PlanSummary summary, IReadOnlyDictionary<string, long>? timingsMs = null)
    {
        Directory.CreateDirectory(folder);
        WriteAtomically(Path.Combine(folder, "summary.json"), writer => writer.Write(SummaryJson(summary, timingsMs)));
    }

    // A million rows: numbers are formatted into the writer's own buffer rather than through strings.
    private static void WriteAllocations(string folder, Plan plan) =>
        WriteAtomically(Path.Combine(folder, "allocations.csv"), writer =>
        {
            writer.Write("offer_id,requirement_id,quantity,arrive,late_months\n");
            foreach (var a in plan.Allocations)
            {
                writer.Write(CsvTableFile.Field(a.Offer.Id));
                writer.Write(',');
                writer.Write(CsvTableFile.Field(a.Requirement.Id));
                WriteNumber(writer, a.Quantity);
                WriteMonth(writer, a.Offer.Arrival);
                WriteNumber(writer, a.LateMonths);
                writer.Write('\n');
            }
        });

    private static void WriteCoverage(string folder, Plan plan) =>
        WriteAtomically(Path.Combine(folder, "coverage.csv"), writer =>
        {
            writer.Write("requirement_id,quantity,allocated,on_time,late,uncovered,purchased\n");
            foreach (var c in plan.Coverage)
            {
                writer.Write(CsvTableFile.Field(c.Requirement.Id));
                WriteNumber(writer, c.Requirement.Quantity);
                WriteNumber(writer, c.Allocated);
                WriteNumber(writer, c.OnTime);
                WriteNumber(writer, c.Late);
                WriteNumber(writer, c.Uncovered);
                WriteNumber(writer, c.Purchased);
                writer.Write('\n');
            }
        });

    private static void WritePurchases(string folder, Plan plan) =>
        WriteAtomically(Path.Combine(folder, "purchases.csv"), writer =>
        {
            writer.Write("fund_id,option_id,order_month,requirement_id,quantity,cost_eur,arrive,late_months\n");
            foreach (var p in plan.Purchases)
            {
                writer.Write(CsvTableFile.Field(p.Fund.Id));
                writer.Write(',');
                writer.Write(CsvTableFile.Field(p.Option.Id));
                WriteMonth(writer, p.OrderMonth);
                writer.Write(',');
                writer.Write(CsvTableFile.Field(p.Requirement.Id));
                WriteNumber(writer, p.Quantity);
                WriteNumber(writer, p.CostEur);
                WriteMonth(writer, p.Arrival);
                WriteNumber(writer, p.LateMonths);
                writer.Write('\n');
            }
        });

    private static void WriteFunds(string folder, Plan plan) =>
        WriteAtomically(Path.Combine(folder, "funds.csv"), writer =>
        {
            writer.Write("fund_id,amount_eur,spent_eur,left_eur\n");
            foreach (var f in plan.Funds)
            {
                writer.Write(CsvTableFile.Field(f.Fund.Id));
                WriteNumber(writer, f.Fund.AmountEur);
                WriteNumber(writer, f.SpentEur);
                WriteNumber(writer, f.LeftEur);
                writer.Write('\n');
            }
        });

    /// <summary>
    /// Writes the coverage forecast as <c>forecast.csv</c> (one row per month of each item and area) and
    /// <c>forecast.svg</c>.
    /// </summary>
    public static void WriteForecast(string folder, IReadOnlyList<ForecastMonth> forecast, string title)
    {
        Directory.CreateDirectory(folder);
        WriteAtomically(Path.Combine(folder, "forecast.csv"), writer =>
        {
            writer.Write("capability,item,month,needed,planned,on_time,on_time_share,gap\n");
            foreach (var f in forecast)
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{CsvTableFile.Field(f.Capability)},{CsvTableFile.Field(f.Item ?? "*")},{f.Month},{f.Needed},{f.Planned},{f.OnTime},{f.OnTimeShare:0.0000},{f.Gap}\n"));
        });
        WriteAtomically(
            Path.Combine(folder, "forecast.svg"), writer => writer.Write(ForecastChart.Svg(forecast, title)));
    }

    public static string SummaryJson(PlanSummary summary, IReadOnlyDictionary<string, long>? timingsMs = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WritePropertyName("objective");
            json.WriteRawValue(summary.Objective.ToString(CultureInfo.InvariantCulture)); // exact, beyond 64 bits
            json.WriteNumber("allocated_units", summary.AllocatedUnits);
            json.WriteNumber("spent_eur", summary.SpentEur);
            json.WriteNumber("purchased_units", summary.PurchasedUnits);
            json.WriteBoolean("optimal", summary.Optimal);
            if (summary.Bound is { } bound)
            {
                json.WritePropertyName("bound");
                json.WriteRawValue(bound.ToString(CultureInfo.InvariantCulture));
            }
            json.WriteStartObject("counts");
            json.WriteNumber("requirements", summary.Requirements);
            json.WriteNumber("offers", summary.Offers);
            json.WriteNumber("allocations", summary.Allocations);
            json.WriteNumber("item_types", summary.ItemTypes);
            json.WriteNumber("funds", summary.Funds);
            json.WriteNumber("purchases", summary.Purchases);
            json.WriteEndObject();
            json.WriteStartArray("coverage_by_priority");
            foreach (var p in summary.ByPriority)
            {
                json.WriteStartObject();
                json.WriteNumber("priority", p.Priority);
                json.WriteNumber("requirements", p.Requirements);
                json.WriteNumber("units_needed", p.Needed);
                json.WriteNumber("units_allocated", p.Allocated);
                json.WriteNumber("units_on_time", p.OnTime);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (timingsMs is not null)
            {
                json.WriteStartObject("timings_ms");
                foreach (var (stage, ms) in timingsMs)
                    json.WriteNumber(stage, ms);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes <c>,</c> and the month, without allocating.</summary>
    private static void WriteMonth(StreamWriter writer, Time.YearMonth month)
    {
        Span<char> buffer = stackalloc char[8];
        buffer[0] = ',';
        month.TryFormat(buffer[1..], out _);
        writer.Write(buffer);
    }

    /// <summary>Writes <c>,</c> and the number, without allocating.</summary>
    private static void WriteNumber(StreamWriter writer, long value)
    {
        Span<char> buffer = stackalloc char[21];
        buffer[0] = ',';
        value.TryFormat(buffer[1..], out var written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..(written + 1)]);
    }

    private static void WriteAtomically(string path, Action<StreamWriter> write)
    {
        var temporary = path + ".partial";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 16))
            write(writer);
        File.Move(temporary, path, overwrite: true);
    }
}
