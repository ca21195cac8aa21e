namespace Mainstay.Ledger;

/// <summary>A capability coalition: nations that organise support in one capability area under a lead nation.</summary>
public sealed record Coalition(
    string Id, string Name, CapabilityArea Capability, IReadOnlyList<string> Leads, IReadOnlyList<string> Members);
