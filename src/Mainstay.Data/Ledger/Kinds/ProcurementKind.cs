using System.Globalization;
using Mainstay.Ledger;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>Procurement options, in the columns of the procurement spec's <c>procurement.csv</c>.</summary>
public sealed class ProcurementKind : LedgerKind<ProcurementOption>
{
    public override LedgerTable Id => LedgerTable.Procurement;
    public override string Name => "procurement";
    public override string Table => "procurement";
    public override string RowNoun => "procurement option";

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
    [
        new("id"), new("supplier"), new("item", RowOf: LedgerTable.Items), new("unit_price_eur", ColumnType.Integer),
        new("first_order"), new("last_order"), new("lead_months", ColumnType.Integer),
        new("monthly_capacity", ColumnType.Integer),
    ];

    public override ProcurementOption Read(RowReader row)
    {
        var option = new ProcurementOption(
            row.Text("id"), row.Text("supplier"), row.Text("item"),
            row.Integer("unit_price_eur", 1, ProcurementOption.MaxUnitPriceEur),
            row.Month("first_order"), row.Month("last_order"),
            row.Int("lead_months", 0, ProcurementOption.MaxLeadMonths),
            row.Integer("monthly_capacity", 1, ProcurementOption.MaxMonthlyCapacity));
        if (row.HasProblems)
            return option;
        if (option.LastOrder.Index < option.FirstOrder.Index)
            row.Fail("last_order", $"expected a month not before first_order {option.FirstOrder}, got \"{option.LastOrder}\"");
        if (!ProcurementOption.CostFits(option.UnitPriceEur, option.MonthlyCapacity))
            row.Fail(
                "monthly_capacity",
                $"{option.MonthlyCapacity} units at EUR {option.UnitPriceEur} cost more than 64-bit whole euros can " +
                "hold: lower the capacity or the price");
        return option;
    }

    public override string[] Write(ProcurementOption p) =>
    [
        p.Id, p.Supplier, p.Item, p.UnitPriceEur.ToString(CultureInfo.InvariantCulture), p.FirstOrder.ToString(),
        p.LastOrder.ToString(), p.LeadMonths.ToString(CultureInfo.InvariantCulture),
        p.MonthlyCapacity.ToString(CultureInfo.InvariantCulture),
    ];
}
