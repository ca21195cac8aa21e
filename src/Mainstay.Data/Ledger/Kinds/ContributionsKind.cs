using System.Globalization;
using Mainstay.BurdenSharing;
using Mainstay.Ledger;
using Mainstay.Problems;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>Contributions recorded directly (what does not follow from pledges and deliveries), one row each.</summary>
public sealed class ContributionsKind : LedgerKind<Contribution>
{
    public override LedgerTable Id => LedgerTable.Contributions;
    public override string Name => "contributions";
    public override string Table => "contributions";
    public override string RowNoun => "contribution";

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
    [
        new("id"), new("donor", References: NationReference.One), new("recipient", References: NationReference.One),
        new("value_date"),
        new("aid_type"), new("category"), new("channel"), new("amount", ColumnType.Amount, Currency: "currency"),
        new("currency"),
        new("valuation"), new("source"), new("funded_by", Optional: true, RowOf: LedgerTable.Contributions),
        new("reimbursed_by", Optional: true, RowOf: LedgerTable.Contributions),
        new("correction", Optional: true, Default: "no"),
    ];

    public override Contribution Read(RowReader row)
    {
        var id = row.Text("id");
        var donor = row.Text("donor");
        var recipient = row.Text("recipient");
        var date = row.Date("value_date");
        var aidType = row.Choice("aid_type", Codes.AidTypes);
        var category = row.Choice("category", Codes.Categories);
        var channel = row.Choice("channel", Codes.Channels);
        var currency = row.Currency("currency");
        var correction = row.Flag("correction");
        var amount = row.Amount("amount", currency, positive: false);
        var valuation = row.Choice("valuation", Codes.Valuations);
        var source = row.Text("source");
        var fundedBy = row.Optional("funded_by");
        var reimbursedBy = row.Optional("reimbursed_by");
        var amountText = row.Optional("amount");
        if (Mainstay.Money.Money.TryParse(amountText, currency, out _, out _))
        {
            if (correction && amount.Minor >= 0)
                row.Fail("amount", "a correction takes back part of an earlier contribution: "
                    + $"expected an amount < 0, got \"{amountText}\"");
            else if (!correction && amount.Minor <= 0)
                row.Fail(
                    "amount",
                    $"expected an amount > 0, got \"{amountText}\""
                        + (amount.Minor < 0 ? "; a negative amount is a correction: set correction to yes" : ""));
        }
        if (donor.Length > 0 && donor == recipient)
            row.Fail("recipient", $"a nation does not contribute to itself ({donor})");
        return new Contribution(id, donor, recipient, date, aidType, category, channel, amount, valuation, source,
            fundedBy.Length == 0 ? null : fundedBy, reimbursedBy.Length == 0 ? null : reimbursedBy, correction);
    }

    public override string[] Write(Contribution c) =>
    [
        c.Id, c.Donor, c.Recipient, c.ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Codes.Of(c.AidType), Codes.Of(c.Category),
        Codes.Of(c.Channel), c.Amount.AmountText(), c.Amount.Currency.Code, Codes.Of(c.Valuation), c.Source,
        c.FundedBy ?? "", c.ReimbursedBy ?? "",
        c.Correction ? "yes" : "no",
    ];

    public override IEnumerable<Problem> CheckTogether(
        IReadOnlyList<SourcedRow> rows, Func<string[], bool>? shown = null)
    {
        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        var cells = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var contributions = rows.Select(r =>
        {
            var c = FromCells(r.Cells);
            where.TryAdd(c.Id, r.Where);
            cells.TryAdd(c.Id, r.Cells);
            return c;
        }).ToArray();
        Func<string, bool>? shownId = shown is null ? null : id => shown(cells[id]);
        foreach (var (contribution, field, message) in ContributionLinks.Problems(contributions, shownId))
            yield return new Problem(where[contribution.Id], field, message);
    }
}
