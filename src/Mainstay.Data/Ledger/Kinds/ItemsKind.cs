using Mainstay.Ledger;
using Mainstay.Money;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>Item types, in the planning spec's optional <c>items.csv</c> format.</summary>
public sealed class ItemsKind : LedgerKind<ItemType>
{
    public override LedgerTable Id => LedgerTable.Items;
    public override string Name => "items";
    public override string Table => "items";
    public override string RowNoun => "item type";

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
        [new("item"), new("capability"), new("unit_value_eur", ColumnType.Amount, Currency: "EUR"), new("name")];

    public override ItemType Read(RowReader row) =>
        new(row.Text("item"), row.Choice("capability", CapabilityAreas.ByCode),
            row.Amount("unit_value_eur", Currency.Eur), row.Text("name"));

    public override string[] Write(ItemType i) => [i.Id, i.Capability.Code(), i.UnitValueEur.AmountText(), i.Name];
}
