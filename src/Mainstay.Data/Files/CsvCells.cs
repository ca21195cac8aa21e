using System.Globalization;

namespace Mainstay.Data.Files;

/// <summary>
/// What a CSV export does to a cell beyond RFC 4180 quoting, and what reading undoes. A spreadsheet
/// runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return as
/// a formula, so such text is written with a single quote before it, as OWASP recommends against
/// CSV injection; numbers (<c>-5</c>, a correction) stay numbers. Reading takes the quote off again,
/// so an export imports back unchanged. Characters no text file should hold (NUL and the other C0
/// controls but tab, line feed and carriage return) are written as U+FFFD, the replacement character.
/// </summary>
public static class CsvCells
{
    private const string Triggers = "=+-@\t\r";

    /// <summary>
    /// The cell as an export writes it: protected when a spreadsheet would run it, controls replaced.
    /// </summary>
    public static string Protect(string text)
    {
        text = Printable(text);
        return NeedsQuote(text) ? "'" + text : text;
    }

    /// <summary>The cell as it was before <see cref="Protect"/> added its quote.</summary>
    public static string Unprotect(string field) =>
        field.Length > 1 && field[0] == '\'' && NeedsQuote(field[1..]) ? field[1..] : field;

    /// <summary>
    /// Text a spreadsheet would run, or text that already starts with the protective quote (so that
    /// <c>'=x</c> typed by a user comes back as itself, not as <c>=x</c>).
    /// </summary>
    private static bool NeedsQuote(string text)
    {
        var unquoted = text.AsSpan().TrimStart('\'');
        if (unquoted.Length == 0 || !Triggers.Contains(unquoted[0], StringComparison.Ordinal))
            return false;
        return unquoted.Length < text.Length || !IsNumber(text);
    }

    private static bool IsNumber(string text) =>
        decimal.TryParse(
            text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static string Printable(string text)
    {
        foreach (var c in text)
            if (IsUnprintable(c))
                return string.Concat(text.Select(ch => IsUnprintable(ch) ? '\uFFFD' : ch));
        return text;
    }

    private static bool IsUnprintable(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r'))
        || c is '\uFFFE' or '\uFFFF';
}
