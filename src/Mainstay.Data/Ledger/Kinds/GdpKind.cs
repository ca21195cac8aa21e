using System.Globalization;
using Mainstay.Ledger;

namespace Mainstay.Data.Ledger.Kinds;

public sealed class GdpKind : LedgerKind<GdpFigure>
{
    public override LedgerTable Id => LedgerTable.Gdp;
    public override string Name => "gdp";
    public override string Table => "gdp";
    public override string RowNoun => "GDP figure";
    public override int KeyColumns => 2;

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
    [
        new("nation", References: NationReference.One), new("year", ColumnType.Integer),
        new("amount", ColumnType.Amount, Currency: "currency"), new("currency"), new("source"),
    ];

    public override GdpFigure Read(RowReader row)
    {
        var nation = row.Text("nation");
        var year = row.Int("year", 1960, Mainstay.Time.YearMonth.MaxYear);
        var currency = row.Currency("currency");
        return new GdpFigure(nation, year, row.Amount("amount", currency), row.Text("source"));
    }

    public override string[] Write(GdpFigure g) =>
        [
            g.Nation, g.Year.ToString(CultureInfo.InvariantCulture), g.Amount.AmountText(), g.Amount.Currency.Code,
            g.Source];
}
