namespace Mainstay.Ledger;

/// <summary>
/// Shares parsed values between the rows of one file: a million offers name a few hundred
/// recipient lists, so each is parsed and kept once instead of once per row.
/// </summary>
public sealed class RowCache
{
    private readonly Dictionary<string, CodeScope> _scopes = new(StringComparer.Ordinal);

    public CodeScope? Scope(string text) => _scopes.GetValueOrDefault(text);

    public void Remember(string text, CodeScope scope) => _scopes[text] = scope;
}
