namespace Mainstay.Access;

/// <summary>
/// Someone who signs in: a role, the nation a desk or officer acts for, and whether they may still sign in.
/// </summary>
public sealed record User(string Name, Role Role, string? Nation, bool Disabled, DateTimeOffset CreatedAt)
{
    /// <summary>What the user is, for listings: <c>donor-desk of PL</c>, <c>auditor</c>.</summary>
    public string Describe() => Nation is null ? Role.Code() : $"{Role.Code()} of {Nation}";

    /// <summary>
    /// Whoever runs the command line on the ledger itself: one who can open its file or database may do
    /// what a coordinator does, named in the audit trail as <paramref name="name"/>.
    /// </summary>
    public static User Operator(string name, DateTimeOffset now) => new(name, Role.Coordinator, null, false, now);
}

/// <summary>A personal API token as stored: never the token itself, only its hash and an id to name it by.</summary>
public sealed record ApiToken(
    string Id, string User, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
