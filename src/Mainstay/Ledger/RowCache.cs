namespace Mainstay.Ledger;

/// <summary>
/// Shares equal values between the rows of one file: a million offers name a few hundred items,
/// donors and recipient lists, so each is kept once instead of once per row.
/// </summary>
public sealed class RowCache
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecipientScope> _scopes = new(StringComparer.Ordinal);

    public string Intern(string text)
    {
        if (_strings.TryGetValue(text, out var known))
            return known;
        _strings[text] = text;
        return text;
    }

    public RecipientScope? Scope(string text) => _scopes.GetValueOrDefault(text);

    public void Remember(string text, RecipientScope scope) => _scopes[text] = scope;
}
