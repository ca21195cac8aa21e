namespace Mainstay.Ledger;

/// <summary>A kind of equipment, ammunition or service, with the reference value of one unit in EUR.</summary>
public sealed record ItemType(string Id, CapabilityArea Capability, Money.Money UnitValueEur, string Name);
