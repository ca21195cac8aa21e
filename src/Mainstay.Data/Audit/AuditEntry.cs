using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mainstay.Data.Audit;

/// <summary>
/// One change to the ledger: who made it, when, to what, and the row before and after (as JSON
/// objects of column to value; null before an addition and after a removal). Entries form a
/// hash chain: each carries the SHA-256 of its own content and of the entry before it, so an
/// edited, removed or reordered entry breaks the chain from that point on.
/// </summary>
public sealed record AuditEntry(
    long Seq, string At, string Actor, string Action, string Entity, string Key,
    string? Before, string? After, string PrevHash, string Hash)
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string ComputeHash(long seq, string at, string actor, string action, string entity, string key, string? before, string? after, string prevHash)
    {
        // Fields joined by the ASCII unit separator; a null is distinct from an empty string.
        var content = string.Join('\u001F',
            seq.ToString(CultureInfo.InvariantCulture), at, actor, action, entity, key,
            before ?? "\u0000", after ?? "\u0000", prevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    public string ExpectedHash() => ComputeHash(Seq, At, Actor, Action, Entity, Key, Before, After, PrevHash);
}
