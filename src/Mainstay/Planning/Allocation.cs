using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>Units of one offer planned for one requirement.</summary>
public readonly record struct Allocation(Offer Offer, Requirement Requirement, long Quantity)
{
    public int LateMonths => Benefit.LateMonths(Offer, Requirement);
}

/// <summary>How far one requirement is covered by a plan.</summary>
public readonly record struct Coverage(Requirement Requirement, long Allocated, long OnTime, long Late)
{
    public long Uncovered => Requirement.Quantity - Allocated;
}
