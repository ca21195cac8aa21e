using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>
/// Why a requirement is not (fully) covered by a plan, in the terms a coordination officer uses:
/// no offer of that item; offers exist but none may go to that recipient (naming their
/// conditions); offers arrive too late (naming the earliest arrival); or the offers that could
/// serve it went to other requirements that the objective values more (naming them). Then, where
/// there are funds, why none of them bought what is missing (<see cref="PurchaseExplanation"/>).
/// </summary>
public static class PlanExplanation
{
    public static IReadOnlyList<string> Explain(
        Requirement requirement, IReadOnlyList<Offer> offers, Plan plan, IReadOnlyList<Fund>? funds = null,
        IReadOnlyList<ProcurementOption>? options = null, int names = 5)
    {
        var lines = ExplainOffers(requirement, offers, plan, names).ToList();
        var uncovered = plan.Coverage.First(c => c.Requirement.Id == requirement.Id).Uncovered;
        if (uncovered > 0)
            lines.AddRange(PurchaseExplanation.Explain(requirement, plan, funds ?? [], options ?? [], names));
        return lines;
    }

    private static List<string> ExplainOffers(Requirement requirement, IReadOnlyList<Offer> offers, Plan plan, int names)
    {
        var coverage = plan.Coverage.First(
            c => ReferenceEquals(c.Requirement, requirement) || c.Requirement.Id == requirement.Id);
        var lines = new List<string>
        {
            FormattableString.Invariant($"{requirement.Id}: {requirement.Quantity:N0} {requirement.Item} for ")
                + FormattableString.Invariant($"{requirement.Recipient}, priority {requirement.Priority}, needed ")
                + FormattableString.Invariant($"by {requirement.NeedBy}, useful {requirement.UsefulMonths} ")
                + "month(s) after.",
            FormattableString.Invariant($"Planned: {coverage.Allocated:N0} ")
                + FormattableString.Invariant($"({coverage.OnTime:N0} on time, ")
                + FormattableString.Invariant($"{coverage.Late:N0} late")
                + (coverage.Purchased > 0 ? FormattableString.Invariant($", {coverage.Purchased:N0} bought") : "")
                + FormattableString.Invariant($"); uncovered: {coverage.Uncovered:N0}."),
        };
        if (coverage.Uncovered <= 0) // below 0: the requirement was lowered since a stored plan
        {
            lines.Add("It is fully covered.");
            return lines;
        }

        var sameItem = offers.Where(o => o.Item == requirement.Item).ToArray();
        if (sameItem.Length == 0)
        {
            lines.Add($"No offer of {requirement.Item} exists.");
            return lines;
        }
        var allowed = sameItem.Where(o => o.Recipients.Allows(requirement.Recipient)).ToArray();
        var refused = sameItem.Where(o => !o.Recipients.Allows(requirement.Recipient)).ToArray();
        if (refused.Length > 0)
            lines.Add(
                FormattableString.Invariant(
                    $"{refused.Length} offer(s) of {requirement.Item} may not go to {requirement.Recipient}: ")
                + string.Join(
                    "; ",
                    refused.Take(names).Select(
                        o => $"{o.Id} ({o.Donor}) only to {o.Recipients}"
                            + (o.Conditions.Length > 0 ? $", \"{o.Conditions}\"" : "")))
                + (refused.Length > names ? "; ..." : "."));
        if (allowed.Length == 0)
        {
            lines.Add($"So no offer of {requirement.Item} may go to {requirement.Recipient}.");
            return lines;
        }

        var lastUseful = requirement.NeedBy.AddMonths(requirement.UsefulMonths);
        var tooLate = allowed.Where(o => o.Arrival > lastUseful).ToArray();
        var eligible = allowed.Where(o => o.Arrival <= lastUseful).ToArray();
        if (tooLate.Length > 0)
            lines.Add(FormattableString.Invariant($"{tooLate.Length} offer(s) arrive after {lastUseful}, the end ")
                + "of its useful window; the earliest, "
                + FormattableString.Invariant($"{tooLate.MinBy(o => o.Arrival.Index)!.Id}, arrives ")
                + FormattableString.Invariant($"{tooLate.Min(o => o.Arrival)}."));
        if (eligible.Length == 0)
        {
            lines.Add("So every offer that may go to it arrives too late.");
            return lines;
        }

        var eligibleIds = eligible.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var offered = eligible.Sum(o => o.Quantity);
        var takers = plan.Allocations
            .Where(a => eligibleIds.Contains(a.Offer.Id) && a.Requirement.Id != requirement.Id)
            .GroupBy(a => a.Requirement.Id, StringComparer.Ordinal)
            .Select(
                g => (
                    Requirement: g.First().Requirement, Units: g.Sum(a => a.Quantity),
                    PerUnit: g.Max(a => Benefit.PerUnit(a.Offer, a.Requirement))))
            .OrderByDescending(t => t.PerUnit).ThenBy(t => t.Requirement.Id, StringComparer.Ordinal)
            .ToArray();
        var unused = offered - takers.Sum(t => t.Units) - coverage.Allocated;
        lines.Add(
            FormattableString.Invariant($"{eligible.Length} offer(s) could serve it, ")
                + FormattableString.Invariant($"{offered:N0} units in all; ")
                + FormattableString.Invariant($"{takers.Sum(t => t.Units):N0} went to ")
                + FormattableString.Invariant($"{takers.Length} other requirement(s)")
                + (unused > 0 ? FormattableString.Invariant($" and {unused:N0} are left unused.") : "."));
        if (takers.Length > 0)
            lines.Add("They went where the plan's objective values them more (priority weight × months of use): "
                + string.Join(
                    "; ", takers.Take(names).Select(t => FormattableString.Invariant($"{t.Requirement.Id} ")
                        + FormattableString.Invariant($"({t.Requirement.Recipient}, ")
                        + "priority "
                        + FormattableString.Invariant($"{t.Requirement.Priority}, ")
                        + "needed by "
                        + FormattableString.Invariant($"{t.Requirement.NeedBy}, ")
                        + FormattableString.Invariant($"{t.Units:N0} units at {t.PerUnit:N0} per unit)")))
                + (takers.Length > names ? "; ..." : "."));
        return lines;
    }
}
