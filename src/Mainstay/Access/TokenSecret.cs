using System.Security.Cryptography;
using System.Text;

namespace Mainstay.Access;

/// <summary>
/// Personal API tokens: <c>mst_ID_SECRET</c>, 32 random bytes of secret. The ledger keeps the id
/// and the SHA-256 of the whole token (a random 256-bit secret needs no slow hash), so a stolen
/// database yields no usable token; the token itself is shown once, when it is made.
/// </summary>
public static class TokenSecret
{
    private const string Prefix = "mst_";

    public static (string Id, string Token) New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}");
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The id inside a token, or null when it is not shaped like one.</summary>
    public static string? IdOf(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var end = token.IndexOf('_', Prefix.Length);
        return end == Prefix.Length + 12 ? token[Prefix.Length..end] : null;
    }
}
