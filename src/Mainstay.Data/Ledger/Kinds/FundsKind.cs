using System.Globalization;
using Mainstay.Ledger;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>
/// Funds, in the columns of the procurement spec's <c>funds.csv</c> plus optional <c>pledge</c> (the id
/// of the pledge the money is drawn from) and <c>released</c> (yes: others may see the fund's totals).
/// </summary>
public sealed class FundsKind : LedgerKind<Fund>
{
    public override LedgerTable Id => LedgerTable.Funds;
    public override string Name => "funds";
    public override string Table => "funds";
    public override string RowNoun => "fund";

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
    [
        new("id"), new("donor", References: NationReference.One), new("amount_eur", ColumnType.Integer),
        new("available"), new("items", RowOf: LedgerTable.Items, Naming: RowNaming.KeyList),
        new("recipients", References: NationReference.ListOrAny),
        new("pledge", Optional: true, RowOf: LedgerTable.Pledges, Naming: RowNaming.FirstKeyPart, SameAs: "donor"),
        new("released", Optional: true, Default: "no"),
    ];

    public override Fund Read(RowReader row) =>
        new(row.Text("id"), row.Text("donor"), row.Integer("amount_eur", 1, Fund.MaxAmountEur),
            row.Month("available"), row.Scope("items", "item type"), row.Recipients("recipients"),
            row.Optional("pledge"), row.Flag("released"));

    public override string[] Write(Fund f) =>
    [
        f.Id, f.Donor, f.AmountEur.ToString(CultureInfo.InvariantCulture), f.Available.ToString(),
        f.Items.ToString(), f.Recipients.ToString(), f.Pledge, f.Released ? "yes" : "no",
    ];
}
