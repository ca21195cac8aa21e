namespace Mainstay.Ledger;

/// <summary>The capability areas that support is organised by (the capability coalitions' fields).</summary>
public enum CapabilityArea
{
    AirAndMissileDefence,
    Artillery,
    Armour,
    Drones,
    AirForce,
    Maritime,
    ItAndSecureCommunications,
    Demining,
    ElectronicWarfare,
    Medical,
    NonLethalAndWinter,
    Energy,
}

public static class CapabilityAreas
{
    /// <summary>The codes used in files, in declaration order of <see cref="CapabilityArea"/>.</summary>
    public static readonly IReadOnlyDictionary<string, CapabilityArea> ByCode = new Dictionary<string, CapabilityArea>(
        StringComparer.Ordinal)
    {
        ["air-missile-defence"] = CapabilityArea.AirAndMissileDefence,
        ["artillery"] = CapabilityArea.Artillery,
        ["armour"] = CapabilityArea.Armour,
        ["drones"] = CapabilityArea.Drones,
        ["air-force"] = CapabilityArea.AirForce,
        ["maritime"] = CapabilityArea.Maritime,
        ["it-secure-comms"] = CapabilityArea.ItAndSecureCommunications,
        ["demining"] = CapabilityArea.Demining,
        ["electronic-warfare"] = CapabilityArea.ElectronicWarfare,
        ["medical"] = CapabilityArea.Medical,
        ["non-lethal-winter"] = CapabilityArea.NonLethalAndWinter,
        ["energy"] = CapabilityArea.Energy,
    };

    public static string Code(this CapabilityArea area) => ByCode.First(p => p.Value == area).Key;
}
