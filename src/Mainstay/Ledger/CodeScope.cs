namespace Mainstay.Ledger;

/// <summary>
/// Any (<c>*</c>) or a list of codes (<c>UA;MD</c>): the recipients an offer or a fund may go to, the
/// item types a fund may buy. Codes are kept sorted and distinct, so equal scopes have equal text.
/// </summary>
public sealed class CodeScope : IEquatable<CodeScope>
{
    public static readonly CodeScope Any = new(null);

    private readonly SortedSet<string>? _codes;
    private readonly string _text;

    private CodeScope(SortedSet<string>? codes)
    {
        _codes = codes;
        _text = codes is null ? "*" : string.Join(';', codes);
    }

    public bool IsAny => _codes is null;

    public IReadOnlyCollection<string> Codes => _codes ?? [];

    public bool Allows(string code) => _codes is null || _codes.Contains(code);

    public static CodeScope Only(
        IEnumerable<string> codes) => new(new SortedSet<string>(codes, StringComparer.Ordinal));

    /// <summary>
    /// Parses <c>*</c> or a <c>;</c>-separated list; a repeated code counts once. <paramref name="noun"/>
    /// names what the codes are, for the message.
    /// </summary>
    public static bool TryParse(string text, out CodeScope scope, out string why, string noun = "recipient")
    {
        scope = Any;
        why = "";
        if (text == "*")
            return true;
        var parts = text.Split(';', StringSplitOptions.TrimEntries);
        if (text.Length == 0 || parts.Any(c => c.Length == 0))
        {
            why = $"expected * or a ;-separated list of {noun} codes, got \"{text}\"";
            return false;
        }
        if (parts.Contains("*"))
        {
            why = $"* means any {noun} and cannot stand in a list, got \"{text}\"";
            return false;
        }
        scope = Only(parts);
        return true;
    }

    public override string ToString() => _text;

    public bool Equals(CodeScope? other) => other is not null
        && (ReferenceEquals(this, other) || _text == other._text);

    public override bool Equals(object? obj) => Equals(obj as CodeScope);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);
}
