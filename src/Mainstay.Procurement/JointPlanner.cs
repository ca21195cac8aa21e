using Mainstay.Ledger;
using Mainstay.Planning;

namespace Mainstay.Procurement;

/// <summary>
/// The optimal plan of <c>spec/procurement.md</c>: offers in kind and purchases together, the objective
/// maximised, then euros spent minimised. Without an eligible purchase it is the planning contract's
/// plan, from the network simplex.
/// </summary>
public static class JointPlanner
{
    public static Plan Solve(
        IReadOnlyList<Requirement> requirements, IReadOnlyList<Offer> offers, IReadOnlyList<Fund> funds,
        IReadOnlyList<ProcurementOption> options, TimeSpan timeLimit, int? maxParallelism = null) =>
        throw new NotImplementedException();
}
