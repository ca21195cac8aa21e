using Mainstay.Access;

namespace Mainstay.Data.Ledger.Rows;

/// <summary>Whether a user may use a table at all, which every request about its rows asks first.</summary>
public static class TableAccess
{
    /// <summary>
    /// None when the user may see some of the table. Else, for the public, sign in (what the public may
    /// see is public knowledge, so that it needs signing in gives nothing away); for anyone signed in
    /// the table does not exist.
    /// </summary>
    public static (Refusal Refusal, string Message) Check(User? user, LedgerKind kind) =>
        AccessPolicy.CanSeeTable(user, kind.Id) ? (Refusal.None, "")
        : user is null ? (Refusal.SignInNeeded, $"sign in to use {kind.Name}: send Authorization: Bearer with a "
            + "personal API token")
        : (Refusal.NotFound, $"no table \"{kind.Name}\"");
}
