using Mainstay.BurdenSharing;
using Mainstay.Data.Ledger;
using Mainstay.Data.Storage;
using Mainstay.Ledger;
using Mainstay.Money;
using Mainstay.Problems;

namespace Mainstay.Data.BurdenSharing;

/// <summary>
/// Makes a burden-sharing report from the ledger: recorded contributions plus those its pledges and deliveries imply.
/// </summary>
public static class BurdenSharingReports
{
    /// <summary>
    /// The latest year up to <paramref name="year"/> with a baseline: the year a report shows unless asked for another.
    /// </summary>
    public static async Task<int?> LatestBaselineYearAsync(LedgerDatabase db, int year, CancellationToken cancel = default) =>
        
        (await LedgerReader.LoadAsync(db, LedgerKinds.Baselines, cancel)).Where(b => b.Year <= year)
            .Select(b => (int?)b.Year)
            .Max();

    public static async Task<Result<BurdenSharingReport>> ComputeAsync(
        LedgerDatabase db, ReportPeriod period, int gdpYear, Money.Money? baseline, ICollection<Problem> problems,
        CancellationToken cancel = default)
    {
        await using var snapshot = await db.BeginReadAsync(cancel);
        async Task<IReadOnlyList<T>> Load<T>(LedgerKind<T> kind) where T
            : class => await LedgerReader.LoadAsync(db, kind, cancel, snapshot);

        var contributions = await AllContributionsAsync(db, snapshot, problems, cancel);
        if (contributions is null)
            return problems.Last();
        var input = new BurdenSharingInput(
            await Load(LedgerKinds.Nations),
            await Load(LedgerKinds.Gdp),
            contributions,
            await Load(LedgerKinds.Baselines),
            new EuroValuation(await Load(LedgerKinds.ExchangeRates), await Load(LedgerKinds.AnnualRates)),
            period, gdpYear, baseline);
        return BurdenSharingReport.Compute(input, problems);
    }

    /// <summary>
    /// Every contribution of the period valued in euros, whether it counts and why not: a plain listing,
    /// which needs neither a baseline nor GDP. Null when some cannot be valued (the problems say which).
    /// </summary>
    public static async Task<IReadOnlyList<ValuedContribution>?> ListAsync(
        LedgerDatabase db, ReportPeriod period, ICollection<Problem> problems, CancellationToken cancel = default)
    {
        await using var snapshot = await db.BeginReadAsync(cancel);
        var contributions = await AllContributionsAsync(db, snapshot, problems, cancel);
        if (contributions is null)
            return null;
        var valuation = new EuroValuation(
            await LedgerReader.LoadAsync(db, LedgerKinds.ExchangeRates, cancel, snapshot),
            await LedgerReader.LoadAsync(db, LedgerKinds.AnnualRates, cancel, snapshot));
        var found = problems.Count;
        var valued = BurdenSharingReport.ValueInEuros(contributions, valuation, period, problems);
        return problems.Count == found ? valued : null;
    }

    /// <summary>
    /// The contributions recorded and those the pledges and deliveries imply; null (and a problem) when those cannot be
    /// derived.
    /// </summary>
    private static async Task<IReadOnlyList<Contribution>?> AllContributionsAsync(
        LedgerDatabase db, System.Data.Common.DbTransaction snapshot, ICollection<Problem> problems,
        CancellationToken cancel)
    {
        async Task<IReadOnlyList<T>> Load<T>(LedgerKind<T> kind) where T
            : class => await LedgerReader.LoadAsync(db, kind, cancel, snapshot);
        var derived = DerivedContributions.From(
            Pledge.FromTranches(await Load(LedgerKinds.Pledges)), await Load(LedgerKinds.Deliveries),
            await Load(LedgerKinds.Offers), await Load(LedgerKinds.Items), await Load(LedgerKinds.Funds));
        if (!derived.IsOk)
        {
            problems.Add(derived.Problem);
            return null;
        }
        return [.. await Load(LedgerKinds.Contributions), .. derived.Value];
    }
}
