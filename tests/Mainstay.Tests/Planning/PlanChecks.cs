using System.Numerics;
using Mainstay.Ledger;
using Mainstay.Planning;

namespace Mainstay.Tests.Planning;

/// <summary>Checks a plan against the contract without trusting the planner: feasibility and objective.</summary>
public static class PlanChecks
{
    public static void ShouldBeFeasible(
        this Plan plan, IReadOnlyList<Requirement> requirements, IReadOnlyList<Offer> offers)
    {
        var offerUse = new Dictionary<string, long>(StringComparer.Ordinal);
        var requirementUse = new Dictionary<string, long>(StringComparer.Ordinal);
        BigInteger objective = 0;
        foreach (var a in plan.Allocations)
        {
            a.Quantity.ShouldBeGreaterThan(0);
            a.Offer.Item.ShouldBe(a.Requirement.Item);
            a.Offer.Recipients.Allows(a.Requirement.Recipient)
                .ShouldBeTrue($"{a.Offer.Id} may not go to {a.Requirement.Recipient}");
            a.Offer.Arrival.Index.ShouldBeLessThanOrEqualTo(a.Requirement.NeedBy.Index + a.Requirement.UsefulMonths,
                $"{a.Offer.Id} arrives too late for {a.Requirement.Id}");
            offerUse[a.Offer.Id] = offerUse.GetValueOrDefault(a.Offer.Id) + a.Quantity;
            requirementUse[a.Requirement.Id] = requirementUse.GetValueOrDefault(a.Requirement.Id) + a.Quantity;
            var late = Math.Max(0, a.Offer.Arrival.Index - a.Requirement.NeedBy.Index);
            objective += (BigInteger)(long)Math.Pow(10, 5 - a.Requirement.Priority) * (a.Requirement.UsefulMonths
                + 1 - late) * a.Quantity;
        }
        foreach (var o in offers)
            offerUse.GetValueOrDefault(o.Id).ShouldBeLessThanOrEqualTo(o.Quantity, $"offer {o.Id} over-allocated");
        foreach (var r in requirements)
            requirementUse.GetValueOrDefault(r.Id)
                .ShouldBeLessThanOrEqualTo(r.Quantity, $"requirement {r.Id} over-filled");
        plan.Allocations.Select(a => (a.Requirement.Id, a.Offer.Id)).Distinct().Count()
            .ShouldBe(plan.Allocations.Count, "one row per pair");
        plan.Objective.ShouldBe(objective);
    }
}
