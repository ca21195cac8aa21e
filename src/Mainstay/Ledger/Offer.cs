using Mainstay.Time;

namespace Mainstay.Ledger;

/// <summary>
/// Equipment, ammunition or services a donor offers in kind. The units leave the donor in
/// <see cref="Available"/> and arrive <see cref="TransitMonths"/> later; <see cref="Recipients"/>
/// restricts who may receive them and <see cref="Conditions"/> records end-use conditions in words.
/// An offer is its donor's confidential business until <see cref="Released"/>: then other nations'
/// desks, and the recipients it may go to, may see it.
/// </summary>
public sealed record Offer(
    string Id, string Donor, string Item, long Quantity, YearMonth Available, int TransitMonths,
    CodeScope Recipients, string Conditions, bool Released = false)
{
    public const long MaxQuantity = 1_000_000_000;
    public const int MaxTransitMonths = 120;

    public YearMonth Arrival => Available.AddMonths(TransitMonths);
}
