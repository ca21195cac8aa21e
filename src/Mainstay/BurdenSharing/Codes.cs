namespace Mainstay.BurdenSharing;

/// <summary>
/// The file codes of the burden-sharing choices (<c>military</c>, <c>trust-fund</c>, <c>nato</c>, <c>declared</c>…),
/// both ways.
/// </summary>
public static class Codes
{
    public static readonly IReadOnlyDictionary<string, AidType> AidTypes = new Dictionary<string, AidType>(
        StringComparer.Ordinal)
    {
        ["military"] = AidType.Military,
        ["financial"] = AidType.Financial,
        ["humanitarian"] = AidType.Humanitarian,
    };

    public static readonly IReadOnlyDictionary<string, ContributionCategory> Categories = new Dictionary<string, ContributionCategory>(StringComparer.Ordinal)
    {
        ["equipment"] = ContributionCategory.Equipment,
        ["maintenance-logistics"] = ContributionCategory.MaintenanceLogistics,
        ["training-operations"] = ContributionCategory.TrainingOperations,
        ["infrastructure-industry"] = ContributionCategory.InfrastructureIndustry,
        ["trust-fund"] = ContributionCategory.TrustFund,
        ["unspecified"] = ContributionCategory.Unspecified,
    };

    public static readonly IReadOnlyDictionary<string, Channel> Channels = new Dictionary<string, Channel>(
        StringComparer.Ordinal)
    {
        ["nato"] = Channel.Nato,
        ["bilateral"] = Channel.Bilateral,
        ["multilateral"] = Channel.Multilateral,
        ["other"] = Channel.Other,
    };

    public static readonly IReadOnlyDictionary<string, ValuationBasis> Valuations = new Dictionary<string, ValuationBasis>(StringComparer.Ordinal)
    {
        ["cash"] = ValuationBasis.Cash,
        ["declared"] = ValuationBasis.DeclaredValue,
        ["reference"] = ValuationBasis.ReferenceReplacementValue,
        ["net-book"] = ValuationBasis.NetBookValue,
    };

    public static string Of(AidType value) => Key(AidTypes, value);
    public static string Of(ContributionCategory value) => Key(Categories, value);
    public static string Of(Channel value) => Key(Channels, value);
    public static string Of(ValuationBasis value) => Key(Valuations, value);

    private static string Key<T>(IReadOnlyDictionary<string, T> codes, T value) where T : struct, Enum =>
        codes.First(c => EqualityComparer<T>.Default.Equals(c.Value, value)).Key;
}
