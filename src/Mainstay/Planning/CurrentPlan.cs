using Mainstay.Ledger;

namespace Mainstay.Planning;

/// <summary>
/// The optimal plan of the ledger as it stood at one audit position: what every reader of "what is
/// covered" shows, with the rows it was made of and the position and time it was made at.
/// </summary>
/// <param name="AuditSeq">The newest audit entry the plan's rows include.</param>
public sealed record CurrentPlan(
    Plan Plan, IReadOnlyList<Requirement> Requirements, IReadOnlyList<Offer> Offers, long AuditSeq,
    DateTimeOffset MadeAt)
{
    public IReadOnlyList<Fund> Funds { get; init; } = [];

    public IReadOnlyList<ProcurementOption> Options { get; init; } = [];
}
