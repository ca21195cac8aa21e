using System.Globalization;
using Mainstay.Ledger;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>
/// Offers in kind, in the columns of the planning spec's <c>offers.csv</c> plus optional end-use
/// <c>conditions</c> and <c>released</c> (yes: other nations may see the offer; no or empty: its donor's only).
/// </summary>
public sealed class OffersKind : LedgerKind<Offer>
{
    public override LedgerTable Id => LedgerTable.Offers;
    public override string Name => "offers";
    public override string Table => "offers";
    public override string RowNoun => "offer";

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
    [
        new("id"), new("donor", References: NationReference.One), new("item", RowOf: LedgerTable.Items),
        new("quantity", ColumnType.Integer),
        new("available"), new("transit_months", ColumnType.Integer),
        new("recipients", References: NationReference.ListOrAny),
        new("conditions", Optional: true), new("released", Optional: true, Default: "no"),
    ];

    public override Offer Read(RowReader row) =>
        new(row.Text("id"), row.Text("donor"), row.Text("item"), row.Integer("quantity", 1, Offer.MaxQuantity),
            row.Month("available"), row.Int("transit_months", 0, Offer.MaxTransitMonths), row.Recipients("recipients"),
            row.Optional("conditions"), row.Flag("released"));

    public override string[] Write(Offer o) =>
    [
        o.Id, o.Donor, o.Item, o.Quantity.ToString(CultureInfo.InvariantCulture), o.Available.ToString(),
        o.TransitMonths.ToString(CultureInfo.InvariantCulture), o.Recipients.ToString(), o.Conditions,
        o.Released ? "yes" : "no",
    ];
}
