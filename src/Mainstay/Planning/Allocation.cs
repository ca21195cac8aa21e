using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>Units of one offer planned for one requirement.</summary>
public readonly record struct Allocation(Offer Offer, Requirement Requirement, long Quantity)
{
    public int LateMonths => Benefit.LateMonths(Offer, Requirement);
}

/// <summary>
/// How far one requirement is covered by a plan: <see cref="Allocated"/> units in all, of which
/// <see cref="Purchased"/> bought with funds and the rest offered in kind.
/// </summary>
public readonly record struct Coverage(Requirement Requirement, long Allocated, long OnTime, long Late, long Purchased = 0)
{
    public long Uncovered => Requirement.Quantity - Allocated;
}
