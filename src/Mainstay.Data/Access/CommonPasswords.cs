using System.Reflection;

namespace Mainstay.Data.Access;

/// <summary>
/// Refuses passwords that guessing tools try first (NIST SP 800-63B, 5.1.1.2): the most common
/// passwords (Reference/common-passwords.txt, see SOURCES.md), one of them with digits or symbols
/// around it, one of them or a short piece repeated, a run of the keyboard or the alphabet, or the
/// user's own name. Case does not matter.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> Known = new(Load);
    private static readonly string[] Runs =
    [
        "01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm"
    ];

    /// <summary>Why <paramref name="password"/> is too easy to guess, or null.</summary>
    public static string? Weakness(string password, string userName)
    {
        var text = password.ToLowerInvariant();
        var core = text.Trim().Trim("0123456789!@#$%^&*()-_=+.,;:?/\\|'\"`~<>[]{} ".ToCharArray());
        if (Known.Value.Contains(text))
            return "this password is one of the most common passwords; choose "
                + "another (a few unrelated words make a good one)";
        if (core.Length == 0 || Known.Value.Contains(core) || Repeated(core) is { } unit && (unit.Length <= 3 || Known.Value.Contains(unit)))
            return "this password is a common password, or a short piece repeated, "
                + "with at most digits or symbols added; choose another";
        if (IsRun(text) || IsRun(core))
            return "this password is a run of the keyboard or the alphabet; choose another";
        if (userName.Length >= 3 && text.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal))
            return "the password contains the user name; choose another";
        return null;
    }

    /// <summary>The shortest piece that <paramref name="text"/> repeats (at least twice), or null.</summary>
    private static string? Repeated(string text)
    {
        for (var length = 1; length <= text.Length / 2; length++)
            if (text.Length % length == 0 && string.Concat(Enumerable.Repeat(text[..length], text.Length / length)) == text)
                return text[..length];
        return null;
    }

    private static bool IsRun(string text) => text.Length >= 4 && Runs.Any(run =>
    {
        var forwards = string.Concat(Enumerable.Repeat(run, text.Length / run.Length + 2));
        var backwards = new string([.. forwards.Reverse()]);
        return forwards.Contains(text, StringComparison.Ordinal) || backwards.Contains(text, StringComparison.Ordinal);
    });

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(
            "Mainstay.Reference.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var known = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0)
                known.Add(line);
        return known;
    }
}
