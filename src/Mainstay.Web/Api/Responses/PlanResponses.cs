namespace Mainstay.Web.Api.Responses;

/// <summary>A stored plan: who made it when, from which state of the ledger, and what it achieved.</summary>
/// <param name="Objective">Exact, as a decimal string: it can exceed what a JSON number holds.</param>
public sealed record Plan(
    long Id, string CreatedAt, string Actor, long AuditSeq, string InputHash, string Objective,
    long AllocatedUnits, long Requirements, long Offers, long ItemsSolved);

/// <summary>The stored plans, oldest first.</summary>
public sealed record PlanList(IReadOnlyList<Plan> Items);

/// <summary>Units of one offer that a plan gives to one requirement.</summary>
public sealed record PlanAllocation(string RequirementId, string OfferId, long Quantity);

/// <summary>A page of a plan's allocations, by requirement then offer.</summary>
public sealed record AllocationPage(long Plan, int Page, int PageSize, int Total, IReadOnlyList<PlanAllocation> Items);

/// <summary>A requirement whose coverage differs between two plans, and the ledger changes that explain it.</summary>
public sealed record PlanChange(
    string RequirementId, string Item, long Before, long After, IReadOnlyList<string> Because);

/// <summary>What changed from plan <see cref="Before"/> to plan <see cref="After"/>.</summary>
public sealed record PlanChanges(long Before, long After, IReadOnlyList<PlanChange> Items);

/// <summary>The answer to making a plan: the new plan, or the last one when nothing changed.</summary>
public sealed record PlanRunResult(Plan Plan, bool Unchanged, IReadOnlyList<string> ItemsSolved);
