using System.Globalization;
using Mainstay.Ledger;
using Mainstay.Money;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>
/// Annual average exchange rates against the US dollar, the fallback for currencies the ECB does not
/// publish. Imported from the IMF series as published (see <see cref="Files.ImfRatesFile"/>) or from this long format.
/// </summary>
public sealed class AnnualRatesKind : LedgerKind<AnnualRate>
{
    public override LedgerTable Id => LedgerTable.AnnualRates;
    public override string Name => "annual-rates";
    public override string Table => "annual_rates";
    public override string RowNoun => "annual rate";
    public override int KeyColumns => 2;

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
        [new("currency"), new("year", ColumnType.Integer), new("units_per_usd"), new("source")];

    public override AnnualRate Read(RowReader row)
    {
        var currency = row.Currency("currency");
        var year = row.Int("year", 1950, Mainstay.Time.YearMonth.MaxYear);
        var text = row.Text("units_per_usd");
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || !Rates.InRange(rate))
        {
            if (text.Length > 0)
                row.Fail("units_per_usd", $"expected a rate {Rates.Range} such as 93.12, got \"{text}\"");
            rate = 1;
        }
        return new AnnualRate(currency.Code, year, rate, row.Text("source"));
    }

    public override string[] Write(AnnualRate r) =>
        [
            r.Currency, r.Year.ToString(CultureInfo.InvariantCulture),
            (r.UnitsPerUsd / 1.000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture), r.Source];
}
