using System.Globalization;
using System.Text;

namespace Mainstay.Data.Files;

/// <summary>
/// The escape ECMA-376 gives workbook text (ST_Xstring, Part 1 §22.9.2.19) for characters XML cannot
/// hold: <c>_x0000_</c> is NUL, <c>_x000B_</c> a vertical tab, and <c>_x005F_</c> an underscore that
/// would otherwise start an escape. Excel reads and writes it, so a stored control character goes
/// out to a spreadsheet and comes back as itself instead of making the workbook unwritable.
/// </summary>
public static class XlsxEscapes
{
    /// <summary>The most characters one character becomes.</summary>
    public const int MaxLength = 7;

    public static string Encode(string text)
    {
        if (!text.AsSpan().ContainsAny(SearchValuesOfSpecial) && !HasSurrogate(text))
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pairedSurrogate = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pairedSurrogate)
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (!IsXmlChar(c) || (c == '_' && IsEscape(text, i)))
            {
                escaped.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
            else
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    public static string Decode(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
            return text;
        var decoded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && IsEscape(text, i))
            {
                decoded.Append(
                    (char)int.Parse(
                        text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 6;
            }
            else
            {
                decoded.Append(text[i]);
            }
        }
        return decoded.ToString();
    }

    /// <summary>Whether an escape <c>_xHHHH_</c> starts at <paramref name="i"/>.</summary>
    private static bool IsEscape(string text, int i) =>
        i + 6 < text.Length && text[i] == '_' && text[i + 1] == 'x' && text[i + 6] == '_'
        && text.AsSpan(i + 2, 4).ContainsAnyExcept(Hex) == false;

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');

    private static bool HasSurrogate(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create(
        "0123456789ABCDEFabcdef");

    private static readonly System.Buffers.SearchValues<char> SearchValuesOfSpecial = System.Buffers.SearchValues.Create(
        "_\uFFFE\uFFFF"
            + string.Concat(Enumerable.Range(0, 32).Where(c => c is not (9 or 10 or 13)).Select(c => (char)c)));
}
