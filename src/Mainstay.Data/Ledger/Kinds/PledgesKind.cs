using System.Globalization;
using Mainstay.Ledger;
using Mainstay.Problems;
using Mainstay.Time;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>Pledges, one row per pledge and year (a one-off pledge has one row).</summary>
public sealed class PledgesKind : LedgerKind<PledgeTranche>
{
    private static readonly IReadOnlyDictionary<string, PledgeKind> Kinds = new Dictionary<string, PledgeKind>(
        StringComparer.Ordinal)
    {
        ["multi-year"] = PledgeKind.MultiYear,
        ["one-off"] = PledgeKind.OneOff,
    };

    private static readonly IReadOnlyDictionary<string, PledgeStatus> Statuses = new Dictionary<string, PledgeStatus>(
        StringComparer.Ordinal)
    {
        ["announced"] = PledgeStatus.Announced,
        ["committed"] = PledgeStatus.Committed,
        ["disbursed"] = PledgeStatus.Disbursed,
    };

    public override LedgerTable Id => LedgerTable.Pledges;
    public override string Name => "pledges";
    public override string Table => "pledges";
    public override string RowNoun => "pledge year";
    public override int KeyColumns => 2;

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
    [
        new("id"), new("year", ColumnType.Integer), new("donor", References: NationReference.One),
        new("recipient", References: NationReference.One), new("kind"),
        new("amount", ColumnType.Amount, Currency: "currency"),
        new("currency"), new("status"), new("announced_on"), new("committed_on", Optional: true),
        new("disbursed_on", Optional: true), new("source"),
    ];

    public override PledgeTranche Read(RowReader row)
    {
        var id = row.Text("id");
        var year = row.Int("year", YearMonth.MinYear, YearMonth.MaxYear);
        var donor = row.Text("donor");
        var recipient = row.Text("recipient");
        var kind = row.Choice("kind", Kinds);
        var currency = row.Currency("currency");
        var tranche = new PledgeTranche(id, year, donor, recipient, kind, row.Amount("amount", currency),
            row.Choice("status", Statuses), row.Date("announced_on"), row.OptionalDate("committed_on"),
            row.OptionalDate("disbursed_on"), row.Text("source"));
        if (!row.HasProblems)
            foreach (var (field, message) in tranche.LifecycleProblems())
                row.Fail(field, message);
        return tranche;
    }

    public override string[] Write(PledgeTranche t) =>
    [
        t.PledgeId, t.Year.ToString(CultureInfo.InvariantCulture), t.Donor, t.Recipient, Pledge.KindCode(t.Kind),
        t.Amount.AmountText(), t.Amount.Currency.Code, t.Status.ToString().ToLower(CultureInfo.InvariantCulture),
        Date(t.AnnouncedOn), Date(t.CommittedOn), Date(t.DisbursedOn), t.Source,
    ];

    public override IEnumerable<Problem> CheckTogether(
        IReadOnlyList<SourcedRow> rows, Func<string[], bool>? shown = null)
    {
        var where = new Dictionary<PledgeTranche, string>(ReferenceEqualityComparer.Instance);
        var tranches = rows.Select(r =>
        {
            var t = FromCells(r.Cells);
            where[t] = r.Where;
            return t;
        });
        foreach (var pledge in tranches.GroupBy(t => t.PledgeId, StringComparer.Ordinal))
            foreach (var (tranche, field, message) in Pledge.ConsistencyProblems(pledge.ToArray()))
                yield return new Problem(where[tranche], field, message);
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
