namespace Mainstay.Ledger;

public enum PledgeKind
{
    /// <summary>A yearly amount over several years.</summary>
    MultiYear,
    /// <summary>A single amount, one year.</summary>
    OneOff,
}

/// <summary>The lifecycle of a pledge (cf. OCHA FTS pledge / commitment / paid contribution).</summary>
public enum PledgeStatus
{
    Announced,
    Committed,
    Disbursed,
}

/// <summary>
/// One year of a financial pledge: the amount promised for <see cref="Year"/> and how far it has
/// come. A multi-year pledge has one tranche per year; a one-off pledge exactly one.
/// Each transition is dated: committed requires <see cref="CommittedOn"/>, disbursed both dates.
/// </summary>
public sealed record PledgeTranche(
    string PledgeId,
    int Year,
    string Donor,
    string Recipient,
    PledgeKind Kind,
    Money.Money Amount,
    PledgeStatus Status,
    DateOnly AnnouncedOn,
    DateOnly? CommittedOn,
    DateOnly? DisbursedOn,
    string Source)
{
    /// <summary>The day the tranche is valued on: disbursed, else committed, else announced.</summary>
    public DateOnly ValueDate => DisbursedOn ?? CommittedOn ?? AnnouncedOn;

    /// <summary>Problems with the dates of the lifecycle, as (field, message) pairs.</summary>
    public IEnumerable<(string Field, string Message)> LifecycleProblems()
    {
        if (Status >= PledgeStatus.Committed && CommittedOn is null)
            yield return (
                "committed_on", $"a {Status.ToString().ToLowerInvariant()} pledge needs the date it was committed");
        if (Status == PledgeStatus.Disbursed && DisbursedOn is null)
            yield return ("disbursed_on", "a disbursed pledge needs the date it was disbursed");
        if (Status < PledgeStatus.Committed && CommittedOn is not null)
            yield return ("committed_on", "an announced pledge has no commitment date yet; set status to committed");
        if (Status < PledgeStatus.Disbursed && DisbursedOn is not null)
            yield return ("disbursed_on", "only a disbursed pledge has a disbursement date; set status to disbursed");
        if (CommittedOn < AnnouncedOn)
            yield return (
                "committed_on",
                $"committed on {CommittedOn:yyyy-MM-dd}, before it was announced on {AnnouncedOn:yyyy-MM-dd}");
        if (DisbursedOn < CommittedOn)
            yield return (
                "disbursed_on",
                $"disbursed on {DisbursedOn:yyyy-MM-dd}, before it was committed on {CommittedOn:yyyy-MM-dd}");
    }
}

/// <summary>A financial pledge: its tranches, all from one donor to one recipient in one currency.</summary>
public sealed record Pledge(
    string Id, string Donor, string Recipient, PledgeKind Kind, IReadOnlyList<PledgeTranche> Tranches)
{
    public Money.Money Total => Tranches.Skip(1).Aggregate(Tranches[0].Amount, (sum, t) => sum + t.Amount);

    public static IReadOnlyList<Pledge> FromTranches(IEnumerable<PledgeTranche> tranches) =>
        tranches.GroupBy(t => t.PledgeId, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                return new Pledge(g.Key, first.Donor, first.Recipient, first.Kind, g.OrderBy(t => t.Year).ToArray());
            })
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// Problems between the tranches of one pledge: they must agree on donor, recipient, kind,
    /// currency, announcement and source, and a one-off pledge has exactly one tranche.
    /// </summary>
    public static IEnumerable<(PledgeTranche Tranche, string Field, string Message)> ConsistencyProblems(
        IReadOnlyList<PledgeTranche> tranches)
    {
        var first = tranches[0];
        foreach (var t in tranches.Skip(1))
        {
            if (t.Donor != first.Donor)
                yield return (
                    t, "donor", $"pledge {t.PledgeId} has donor {first.Donor} in year {first.Year}, not {t.Donor}");
            if (t.Recipient != first.Recipient)
                yield return (
                    t, "recipient",
                    $"pledge {t.PledgeId} has recipient {first.Recipient} in year {first.Year}, not {t.Recipient}");
            if (t.Kind != first.Kind)
                yield return (t, "kind", $"pledge {t.PledgeId} is {KindCode(first.Kind)} in year {first.Year}");
            if (t.Amount.Currency != first.Amount.Currency)
                yield return (
                    t, "currency", $"pledge {t.PledgeId} is in {first.Amount.Currency} in "
                        + $"year {first.Year}, not {t.Amount.Currency}");
            if (t.AnnouncedOn != first.AnnouncedOn)
                yield return (
                    t, "announced_on",
                    $"pledge {t.PledgeId} was announced on {first.AnnouncedOn:yyyy-MM-dd} in year {first.Year}");
            if (t.Source != first.Source)
                yield return (t, "source", $"pledge {t.PledgeId} has another source in year {first.Year}");
        }
        if (first.Kind == PledgeKind.OneOff && tranches.Count > 1)
            yield return (tranches[1], "kind", $"one-off pledge {first.PledgeId} has {tranches.Count} "
                + "yearly rows; make it multi-year or keep one row");
    }

    public static string KindCode(PledgeKind kind) => kind == PledgeKind.MultiYear ? "multi-year" : "one-off";
}
