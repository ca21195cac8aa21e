namespace Mainstay.Ledger;

/// <summary>
/// Which recipients an offer may go to: any (<c>*</c>) or a list of codes (<c>UA;MD</c>).
/// Codes are kept sorted and distinct, so equal scopes have equal text.
/// </summary>
public sealed class RecipientScope : IEquatable<RecipientScope>
{
    public static readonly RecipientScope Any = new(null);

    private readonly SortedSet<string>? _codes;
    private readonly string _text;

    private RecipientScope(SortedSet<string>? codes)
    {
        _codes = codes;
        _text = codes is null ? "*" : string.Join(';', codes);
    }

    public bool IsAny => _codes is null;

    public IReadOnlyCollection<string> Codes => _codes ?? [];

    public bool Allows(string recipient) => _codes is null || _codes.Contains(recipient);

    public static RecipientScope Only(
        IEnumerable<string> codes) => new(new SortedSet<string>(codes, StringComparer.Ordinal));

    /// <summary>Parses <c>*</c> or a <c>;</c>-separated list; a repeated code counts once.</summary>
    public static bool TryParse(string text, out RecipientScope scope, out string why)
    {
        scope = Any;
        why = "";
        if (text == "*")
            return true;
        var codes = text.Split(';', StringSplitOptions.TrimEntries);
        if (text.Length == 0 || codes.Any(c => c.Length == 0))
        {
            why = $"expected * or a ;-separated list of recipient codes, got \"{text}\"";
            return false;
        }
        if (codes.Contains("*"))
        {
            why = $"* means any recipient and cannot stand in a list, got \"{text}\"";
            return false;
        }
        scope = Only(codes);
        return true;
    }

    public override string ToString() => _text;

    public bool Equals(RecipientScope? other) => other is not null
        && (ReferenceEquals(this, other) || _text == other._text);

    public override bool Equals(object? obj) => Equals(obj as RecipientScope);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);
}
