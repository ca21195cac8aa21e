using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>Units of one offer planned for one requirement.</summary>
public sealed record Allocation(Offer Offer, Requirement Requirement, long Quantity)
{
    public int LateMonths => Benefit.LateMonths(Offer, Requirement);
}

/// <summary>How far one requirement is covered by a plan.</summary>
public sealed record Coverage(Requirement Requirement, long Allocated, long OnTime, long Late)
{
    public long Uncovered => Requirement.Quantity - Allocated;
}
