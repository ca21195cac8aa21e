using System.Globalization;
using Mainstay.BurdenSharing;
using Mainstay.Ledger;
using Mainstay.Money;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>The yearly baseline of support the allies share, in euros, one row per year.</summary>
public sealed class BaselinesKind : LedgerKind<Baseline>
{
    public override LedgerTable Id => LedgerTable.Baselines;
    public override string Name => "baselines";
    public override string Table => "baselines";
    public override string RowNoun => "baseline";

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
        [new("year", ColumnType.Integer), new("amount_eur", ColumnType.Amount, Currency: "EUR"), new("source")];

    public override Baseline Read(RowReader row) =>
        new(
            row.Int("year", Mainstay.Time.YearMonth.MinYear, Mainstay.Time.YearMonth.MaxYear),
            row.Amount("amount_eur", Currency.Eur), row.Text("source"));

    public override string[] Write(Baseline b) => [
        b.Year.ToString(CultureInfo.InvariantCulture), b.Amount.AmountText(), b.Source];
}
