namespace Mainstay.BurdenSharing;

/// <summary>
/// Checks the links between contributions (<c>funded_by</c>, <c>reimbursed_by</c>): each must name
/// another contribution that exists, and following them must never come back to where it started,
/// or one euro could be counted, or discounted, twice.
/// </summary>
public static class ContributionLinks
{
    /// <param name="shown">Whether the reader of the problems may see a contribution; a loop names the others
    /// "…".</param>
    public static IEnumerable<(Contribution Contribution, string Field, string Message)> Problems(
        IReadOnlyList<Contribution> contributions, Func<string, bool>? shown = null)
    {
        shown ??= _ => true;
        var byId = new Dictionary<string, Contribution>(StringComparer.Ordinal);
        foreach (var c in contributions)
            byId.TryAdd(c.Id, c);
        foreach (var c in contributions)
            foreach (var (field, target) in Links(c))
            {
                if (target == c.Id)
                    yield return (c, field, $"contribution {c.Id} links to itself");
                else if (!byId.ContainsKey(target))
                    yield return (c, field, $"no contribution \"{target}\"");
            }
        foreach (var loop in Loops(contributions, byId))
            yield return (loop[0], LinkField(loop[0], loop[1 % loop.Count].Id), 
                "the links form a loop: "
                    + $"{string.Join(" → ", loop.Select(c => c.Id).Append(loop[0].Id).Select(id => shown(id) ? id : "…"))}");
    }

    private static IEnumerable<(string Field, string Target)> Links(Contribution c)
    {
        if (c.FundedBy is { } funded)
            yield return ("funded_by", funded);
        if (c.ReimbursedBy is { } reimbursed)
            yield return ("reimbursed_by", reimbursed);
    }

    private static string LinkField(Contribution from, string to) => from.FundedBy == to
        ? "funded_by"
        : "reimbursed_by";

    /// <summary>Each loop of two or more contributions once, starting from its smallest id.</summary>
    private static List<List<Contribution>> Loops(
        IReadOnlyList<Contribution> contributions, Dictionary<string, Contribution> byId)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the current path, 2 = done
        var loops = new List<List<Contribution>>();
        foreach (var start in contributions.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var path = new List<Contribution>();
            Visit(start);

            void Visit(Contribution c)
            {
                if (state.GetValueOrDefault(c.Id) == 2)
                    return;
                state[c.Id] = 1;
                path.Add(c);
                foreach (var (_, target) in Links(c))
                {
                    if (target == c.Id || !byId.TryGetValue(target, out var next))
                        continue;
                    if (state.GetValueOrDefault(next.Id) == 1)
                        loops.Add(FromSmallestId(path.Skip(path.IndexOf(next)).ToList()));
                    else
                        Visit(next);
                }
                path.RemoveAt(path.Count - 1);
                state[c.Id] = 2;
            }
        }
        return loops;
    }

    /// <summary>
    /// The loop as it reads from its smallest id: the same loop whichever row the search entered it by,
    /// so it is reported alike however many rows outside it were looked at.
    /// </summary>
    private static List<Contribution> FromSmallestId(List<Contribution> loop)
    {
        var start = loop.IndexOf(loop.MinBy(c => c.Id, StringComparer.Ordinal)!);
        return [.. loop.Skip(start), .. loop.Take(start)];
    }
}
