using System.Globalization;
using Mainstay.BurdenSharing;
using Mainstay.Ledger;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>Deliveries of offers: what was shipped and received, and when.</summary>
public sealed class DeliveriesKind : LedgerKind<Delivery>
{
    public override LedgerTable Id => LedgerTable.Deliveries;
    public override string Name => "deliveries";
    public override string Table => "deliveries";
    public override string RowNoun => "delivery";

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
    [
        new("id"), new("offer", RowOf: LedgerTable.Offers), new("recipient", References: NationReference.One),
        new("quantity", ColumnType.Integer),
        new("delivered_on"), new("source"),
    ];

    public override Delivery Read(RowReader row) =>
        new(
            row.Text("id"), row.Text("offer"), row.Text("recipient"), row.Integer("quantity", 1, Offer.MaxQuantity),
            row.Date("delivered_on"), row.Text("source"));

    public override string[] Write(Delivery d) =>
        [
            d.Id, d.Offer, d.Recipient, d.Quantity.ToString(CultureInfo.InvariantCulture),
            d.DeliveredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Source];
}
