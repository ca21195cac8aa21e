namespace Mainstay.Data.Demo;

/// <summary>
/// The demo's item types: what the 2024 framework's capability areas actually move, with an
/// indicative reference value per unit in EUR (rounded public order prices; for reports only).
/// </summary>
internal static class DemoCatalogue
{
    internal sealed record Item(string Id, string Capability, long UnitValueEur, string Name, long TypicalQuantity);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("patriot-pac3-mse", "air-missile-defence", 4_000_000, "Patriot PAC-3 MSE interceptor", 20),
        new("iris-t-slm-missile", "air-missile-defence", 400_000, "IRIS-T SLM interceptor", 30),
        new("nasams-amraam", "air-missile-defence", 1_000_000, "AMRAAM for NASAMS", 24),
        new("patriot-battery", "air-missile-defence", 1_000_000_000, "Patriot fire unit", 1),
        new("gepard-35mm-round", "air-missile-defence", 150, "35 mm round for Gepard", 20_000),
        new("155mm-shell", "artillery", 4_000, "155 mm artillery shell", 20_000),
        new("152mm-shell", "artillery", 3_000, "152 mm artillery shell", 10_000),
        new("122mm-rocket", "artillery", 5_000, "122 mm Grad rocket", 2_000),
        new("caesar-howitzer", "artillery", 5_000_000, "CAESAR self-propelled howitzer", 6),
        new("guided-mlrs-rocket", "artillery", 150_000, "GMLRS guided rocket", 60),
        new("leopard-1a5", "armour", 2_500_000, "Leopard 1A5 main battle tank", 10),
        new("ifv-cv90", "armour", 5_000_000, "CV90 infantry fighting vehicle", 8),
        new("apc-m113", "armour", 400_000, "M113 armoured personnel carrier", 20),
        new("tank-spare-kit", "armour", 60_000, "Tank spare parts kit", 40),
        new("fpv-drone", "drones", 400, "FPV attack drone", 10_000),
        new("recon-uav", "drones", 60_000, "Reconnaissance UAV", 50),
        new("interceptor-drone", "drones", 3_000, "Interceptor drone against Shahed", 1_000),
        new("usv-maritime-drone", "maritime", 250_000, "Uncrewed surface vessel", 6),
        new("mine-countermeasure-vessel", "maritime", 60_000_000, "Mine countermeasure vessel", 1),
        new("coastal-patrol-boat", "maritime", 3_000_000, "Coastal patrol boat", 3),
        new("f16-sustainment-pack", "air-force", 2_000_000, "F-16 sustainment package (one month)", 4),
        new("aircraft-munition-jdam", "air-force", 30_000, "JDAM guidance kit", 100),
        new("secure-radio", "it-secure-comms", 6_000, "Encrypted tactical radio", 800),
        new("satcom-terminal", "it-secure-comms", 2_500, "Satellite communications terminal", 400),
        new("cyber-defence-kit", "it-secure-comms", 150_000, "Cyber defence kit", 10),
        new("demining-kit", "demining", 12_000, "Manual demining kit", 200),
        new("demining-machine", "demining", 800_000, "Armoured demining machine", 4),
        new("jammer-vehicle", "electronic-warfare", 350_000, "Vehicle-mounted jammer", 20),
        new("drone-jammer-handheld", "electronic-warfare", 8_000, "Handheld counter-drone jammer", 300),
        new("ifak", "medical", 80, "Individual first aid kit", 20_000),
        new("field-hospital", "medical", 4_000_000, "Mobile field hospital", 1),
        new("armoured-ambulance", "medical", 500_000, "Armoured ambulance", 10),
        new("winter-kit", "non-lethal-winter", 300, "Winter uniform kit", 20_000),
        new("body-armour", "non-lethal-winter", 900, "Body armour set", 5_000),
        new("generator-100kva", "energy", 40_000, "100 kVA generator", 150),
        new("transformer-substation", "energy", 1_500_000, "Mobile substation transformer", 4),
    ];

    /// <summary>The eight capability coalitions of 2024 with their leads; members are an illustrative choice.</summary>
    public static readonly IReadOnlyList<string[]> Coalitions =
    [
        ["cc-air-force", "Air Force Capability Coalition", "air-force", "DK;NL;US", "BE;CA;NO;PT;SE;GB"],
        ["cc-artillery", "Artillery Coalition", "artillery", "FR;US", "BE;DE;IT;NL;PL;ES;GB"],
        ["cc-armour", "Armour Coalition", "armour", "PL", "DE;DK;ES;NL;NO;SE"],
        ["cc-drones", "Drone Coalition", "drones", "LV;GB", "CA;DK;EE;LT;NL;SE"],
        ["cc-it", "IT Coalition", "it-secure-comms", "EE;LU", "BE;DE;JP;NL;SE"],
        ["cc-demining", "Demining Coalition", "demining", "IS;LT", "BE;DK;EE;FR;JP;NL;SE;GB"],
        ["cc-maritime", "Maritime Capability Coalition", "maritime", "GB;NO", "NL;SE;US"],
        [
            "cc-iamd", "Integrated Air and Missile Defence Coalition", "air-missile-defence", "DE;FR",
            "ES;IT;NL;PL;RO;US"],
    ];
}
