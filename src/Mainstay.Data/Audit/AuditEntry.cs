using System.Security.Cryptography;
using System.Text.Json;

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

    /// <summary>
    /// SHA-256 of the entry's fields as a JSON array <c>[seq, at, actor, action, entity, key,
    /// before, after, prev_hash]</c>: unambiguous whatever characters the fields hold, and a null
    /// differs from an empty string.
    /// </summary>
    public static string ComputeHash(
        long seq, string at, string actor, string action, string entity, string key, string? before, string? after,
        string prevHash)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(seq);
            foreach (var field in new[] { at, actor, action, entity, key, before, after, prevHash })
            {
                if (field is null)
                    json.WriteNullValue();
                else
                    json.WriteStringValue(field);
            }
            json.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    public string ExpectedHash() => ComputeHash(Seq, At, Actor, Action, Entity, Key, Before, After, PrevHash);
}
