using System.Globalization;
using System.Text;

namespace Mainstay.Problems;

/// <summary>
/// Text from a file or a user made safe to print in a one-line message: control characters (which
/// could end the line, ring the bell or drive the terminal with escape sequences) and the invisible
/// characters that reorder or split lines are shown as <c>\u0001</c>.
/// </summary>
public static class VisibleText
{
    public static string Escape(string text)
    {
        if (!text.Any(Hidden))
            return text;
        var visible = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Hidden(c))
                visible.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                visible.Append(c);
        }
        return visible.ToString();
    }

    private static bool Hidden(char c) =>
        char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029';
}
