namespace Mainstay.BurdenSharing;

/// <summary>
/// What kind of support a contribution is. Burden sharing counts military support only (non-lethal aid included).
/// </summary>
public enum AidType
{
    Military,
    Financial,
    Humanitarian,
}

/// <summary>The categories of support the 2024 Washington pledge counts.</summary>
public enum ContributionCategory
{
    /// <summary>Purchases of military equipment and in-kind donations.</summary>
    Equipment,
    /// <summary>Maintenance, logistics and transport.</summary>
    MaintenanceLogistics,
    /// <summary>Training and operational costs.</summary>
    TrainingOperations,
    /// <summary>Investment in the recipient's defence infrastructure and industry.</summary>
    InfrastructureIndustry,
    /// <summary>Contributions to NATO trust funds for the recipient.</summary>
    TrustFund,
    /// <summary>Not broken down by the source (e.g. a tracker's monthly totals).</summary>
    Unspecified,
}

/// <summary>How the support was given; the pledge counts all of them.</summary>
public enum Channel
{
    Nato,
    Bilateral,
    Multilateral,
    Other,
}

/// <summary>How the amount was established: paid money, or the value put on goods given in kind.</summary>
public enum ValuationBasis
{
    Cash,
    DeclaredValue,
    ReferenceReplacementValue,
    NetBookValue,
}

/// <summary>Where a contribution comes from: recorded as such, or following from a pledge or a delivery.</summary>
public enum ContributionOrigin
{
    /// <summary>A row of the contributions table.</summary>
    Recorded,

    /// <summary>A pledge year disbursed (its money paid on the disbursement date).</summary>
    DisbursedPledge,

    /// <summary>A delivery of an offer, at its item's reference value.</summary>
    Delivery,

    /// <summary>A purchase fund of the donor's own money (drawn from no pledge), its whole amount.</summary>
    Fund,
}

/// <summary>
/// Support that counts toward burden sharing, in its original currency (valued in euros when a
/// report is made). <see cref="FundedBy"/> names the contribution whose money paid for this one
/// (a fund buying with what a donor paid in: it counts once, for the payer);
/// <see cref="ReimbursedBy"/> names the contribution that paid this one back (it then counts for
/// the one who bore the cost, not for this donor). A <see cref="Correction"/> takes back part of
/// what was recorded before (a donor's revised figure, the Kiel tracker's negative months): its
/// amount is negative and it counts, lowering its donor's total in its period.
/// </summary>
public sealed record Contribution(
    string Id,
    string Donor,
    string Recipient,
    DateOnly ValueDate,
    AidType AidType,
    ContributionCategory Category,
    Channel Channel,
    Money.Money Amount,
    ValuationBasis Valuation,
    string Source,
    string? FundedBy = null,
    string? ReimbursedBy = null,
    bool Correction = false,
    ContributionOrigin Origin = ContributionOrigin.Recorded)
{
    /// <summary>Why the contribution does not count toward its donor's burden share, or null when it does.</summary>
    public string? NotCountedBecause =>
        AidType != AidType.Military ? $"{Codes.Of(AidType)} aid, not military support"
        : FundedBy is not null ? $"paid from {FundedBy}, which counts for its payer"
        : ReimbursedBy is not null ? $"reimbursed by {ReimbursedBy}, which counts instead"
        : null;
}
