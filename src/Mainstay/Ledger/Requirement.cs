using Mainstay.Time;

namespace Mainstay.Ledger;

/// <summary>
/// A recipient's need: <see cref="Quantity"/> units of <see cref="Item"/> by <see cref="NeedBy"/>,
/// still useful if they arrive up to <see cref="UsefulMonths"/> months later. Priority 1 is most urgent.
/// </summary>
public sealed record Requirement(
    string Id, string Recipient, string Item, long Quantity, int Priority, YearMonth NeedBy, int UsefulMonths)
{
    public const long MaxQuantity = 1_000_000_000;
    public const int MaxUsefulMonths = 120;
}
