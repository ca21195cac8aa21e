using System.Globalization;
using Mainstay.Ledger;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>Requirements, in the columns of the planning spec's <c>requirements.csv</c>.</summary>
public sealed class RequirementsKind : LedgerKind<Requirement>
{
    public override LedgerTable Id => LedgerTable.Requirements;
    public override string Name => "requirements";
    public override string Table => "requirements";
    public override string RowNoun => "requirement";

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
    [
        new("id"), new("recipient", References: NationReference.One), new("item", RowOf: LedgerTable.Items),
        new("quantity", ColumnType.Integer),
        new("priority", ColumnType.Integer), new("need_by"), new("useful_months", ColumnType.Integer),
    ];

    public override Requirement Read(RowReader row) =>
        new(row.Text("id"), row.Text("recipient"), row.Text("item"),
            row.Integer("quantity", 1, Requirement.MaxQuantity), row.Int("priority", 1, 5),
            row.Month("need_by"), row.Int("useful_months", 0, Requirement.MaxUsefulMonths));

    public override string[] Write(Requirement r) =>
    [
        r.Id, r.Recipient, r.Item, r.Quantity.ToString(CultureInfo.InvariantCulture),
        r.Priority.ToString(CultureInfo.InvariantCulture),
        r.NeedBy.ToString(), r.UsefulMonths.ToString(CultureInfo.InvariantCulture),
    ];
}
