namespace Mainstay.Web.Api.Responses;

/// <summary>The burden-sharing report of a period: each donor's counted contributions against its fair share.</summary>
public sealed record BurdenSharingAccount(
    string Period, int GdpYear, decimal BaselineEur, string Rule,
    IReadOnlyList<DonorShare> Allies, IReadOnlyList<DonorShare> Partners,
    decimal AlliesTotalEur, decimal PartnersTotalEur, decimal OthersTotalEur,
    decimal? AlliedShareOfMilitarySupport, IReadOnlyList<CategoryTotal> ByCategory, IReadOnlyList<string> Sources);

/// <summary>One donor's line: what counts, its fair share (allies only), their ratio and share of GDP.</summary>
public sealed record DonorShare(
    int? Rank, string Nation, string Name, decimal CountedEur, decimal? FairShareEur, decimal? Ratio,
    decimal? PercentOfGdp, IReadOnlyList<string> Notes);

/// <summary>Counted euros of one category of contribution.</summary>
public sealed record CategoryTotal(string Category, decimal CountedEur);
