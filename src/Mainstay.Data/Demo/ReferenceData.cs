using System.Reflection;
using Mainstay.Data.Files;
using Mainstay.Problems;

namespace Mainstay.Data.Demo;

/// <summary>
/// The reference tables shipped inside Mainstay (nations, GDP, ECB and IMF rates, ISO codes); see Reference/SOURCES.md.
/// </summary>
public static class ReferenceData
{
    public static TextTable Table(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Mainstay.Reference." + fileName)
            ?? throw new InvalidOperationException($"{fileName} is not embedded");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var table = CsvTableFile.Read(fileName, buffer.ToArray());
        if (!table.IsOk)
            throw new InvalidOperationException($"embedded {fileName}: {table.Problem}");
        var problems = new List<Problem>();
        var rates = EcbRatesFile.Looks(table.Value) ? EcbRatesFile.ToLong(table.Value, problems)
            : ImfRatesFile.Looks(table.Value) ? ImfRatesFile.ToLong(table.Value, problems)
            : table;
        return problems.Count == 0
            ? rates.Value
            : throw new InvalidOperationException($"embedded {fileName}: {problems[0]}");
    }
}
