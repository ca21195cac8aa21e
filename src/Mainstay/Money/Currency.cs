using System.Globalization;
using System.Reflection;

namespace Mainstay.Money;

/// <summary>An ISO 4217 currency and the number of decimals its amounts carry.</summary>
public sealed record Currency(string Code, int MinorUnits, string Name)
{
    // Declared before Eur: static fields initialise in textual order.
    private static readonly Lazy<IReadOnlyDictionary<string, Currency>> All = new(Load);

    public static readonly Currency Eur = Find("EUR")!;

    /// <summary>Every active ISO 4217 currency, keyed by its upper-case code.</summary>
    public static IReadOnlyDictionary<string, Currency> Known => All.Value;

    public static Currency? Find(string code) => All.Value.GetValueOrDefault(code);

    public long MinorPerUnit => (long)Math.Pow(10, MinorUnits);

    public override string ToString() => Code;

    private static Dictionary<string, Currency> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Mainstay.currencies.csv")
            ?? throw new InvalidOperationException("currencies.csv is not embedded");
        using var reader = new StreamReader(stream);
        var result = new Dictionary<string, Currency>(StringComparer.Ordinal);
        reader.ReadLine(); // header: code,minor_units,name
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var parts = line.Split(',', 3);
            var name = parts[2].Trim('"');
            result[parts[0]] = new Currency(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), name);
        }
        return result;
    }
}
