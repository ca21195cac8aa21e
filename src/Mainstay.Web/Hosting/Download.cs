using Mainstay.Data.Export;
using Microsoft.AspNetCore.Mvc;

namespace Mainstay.Web.Hosting;

/// <summary>A list as a file to download: CSV or Excel, in the formats the import reads.</summary>
internal static class Download
{
    /// <summary>The format a <c>format=</c> query names (csv or xlsx, any case), or null.</summary>
    public static ExportFormat? Format(string? name) => name?.ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };

    public static IActionResult UnknownFormat(string? name) =>
        new BadRequestObjectResult($"unknown format \"{name}\": expected csv or xlsx");

    /// <summary>The file <paramref name="name"/>.csv or .xlsx, as <paramref name="write"/> writes it.</summary>
    public static FileStreamResult Of(string name, ExportFormat format, Action<Stream> write)
    {
        var stream = new MemoryStream();
        write(stream);
        stream.Position = 0;
        return format == ExportFormat.Csv
            ? new FileStreamResult(stream, "text/csv; charset=utf-8") { FileDownloadName = name + ".csv" }
            : new FileStreamResult(stream,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = name
                    + ".xlsx" };
    }
}
