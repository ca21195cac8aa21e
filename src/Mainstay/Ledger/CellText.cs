using System.Buffers;
using System.Globalization;

namespace Mainstay.Ledger;

/// <summary>
/// What text a ledger cell may hold: anything printable, tabs and line breaks, but no other control
/// character (NUL, escape, the C1 range), no lone surrogate and no non-character. Such text cannot be
/// written into an Excel sheet or shown safely on a page, so every way into the ledger refuses it.
/// </summary>
public static class CellText
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        [
            .. Enumerable.Range(0, 0xA0).Where(c => c < 0x20 ? c is not ('\t' or '\n' or '\r') : c >= 0x7F)
                .Select(c => (char)c),
         '\uFFFE', '\uFFFF']);

    /// <summary>Why <paramref name="text"/> may not be stored, or null when it may.</summary>
    public static string? Problem(string text)
    {
        var span = text.AsSpan();
        var bad = span.IndexOfAny(Forbidden);
        if (bad >= 0)
            return $"holds the control character U+{(int)span[bad]:X4} at character {bad + 1}; remove it "
                + "(a cell may hold tabs and line breaks, no other control characters)";
        for (var i = span.IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                i++;
            else if (char.IsSurrogate(span[i]))
                return "holds a broken character (a lone UTF-16 surrogate "
                    + $"U+{((int)span[i]).ToString("X4", CultureInfo.InvariantCulture)}) "
                    + $"at character {i + 1}; save the file as UTF-8 again";
        }
        return null;
    }
}
