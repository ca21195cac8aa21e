using Mainstay.Ledger;

namespace Mainstay.Access;

/// <summary>
/// What the access rules read of a row (see <see cref="AccessPolicy"/>): the nations it belongs to and,
/// for an offer or fund its donor has released, the recipients it (or what it buys) may go to.
/// </summary>
/// <param name="Donor">The donor's nation code, for rows that have a donor; otherwise null.</param>
/// <param name="Recipient">The recipient's nation code, for rows that have one recipient; otherwise null.</param>
/// <param name="ReleasedTo">
/// For a released offer or fund: the recipients it (or what it buys) may go to; null for any other row.
/// </param>
public readonly record struct RowParties(
    string? Donor = null, string? Recipient = null, CodeScope? ReleasedTo = null);
