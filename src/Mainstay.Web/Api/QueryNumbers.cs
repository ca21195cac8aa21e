using System.Globalization;
using Mainstay.Problems;

namespace Mainstay.Web.Api;

/// <summary>Whole numbers in a request's query string (a page, a year), checked against their range.</summary>
public static class QueryNumbers
{
    /// <summary>
    /// An integer query value in <paramref name="min"/>..<paramref name="max"/>, or null when absent; a
    /// problem when malformed or out of range.
    /// </summary>
    public static int? Optional(IQueryCollection query, string name, int min, int max, List<Problem> problems)
    {
        if (!query.TryGetValue(name, out var text) || text.ToString().Length == 0)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
            return value;
        problems.Add(new("query", name, $"expected an integer {min}..{max}, got \"{text}\""));
        return null;
    }
}
