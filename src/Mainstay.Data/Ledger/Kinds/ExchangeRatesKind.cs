using System.Globalization;
using Mainstay.Ledger;
using Mainstay.Money;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>
/// ECB euro reference rates, one row per currency and day. Imported from the ECB's own wide
/// <c>eurofxref-hist.csv</c> (see <see cref="Files.EcbRatesFile"/>) or from this long format.
/// </summary>
public sealed class ExchangeRatesKind : LedgerKind<ExchangeRate>
{
    /// <summary>The ECB's reference rates start on 1999-01-04, with the euro.</summary>
    public const int FirstEuroYear = 1999;

    public override LedgerTable Id => LedgerTable.ExchangeRates;
    public override string Name => "exchange-rates";
    public override string Table => "exchange_rates";
    public override string RowNoun => "rate";
    public override int KeyColumns => 2;

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
        [new("currency"), new("date"), new("units_per_euro")];

    public override ExchangeRate Read(RowReader row)
    {
        var currency = row.Currency("currency");
        var date = row.Date("date", minYear: FirstEuroYear);
        var text = row.Text("units_per_euro");
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || !Rates.InRange(rate))
        {
            if (text.Length > 0)
                row.Fail("units_per_euro", $"expected a rate {Rates.Range} such as 1.0823, got \"{text}\"");
            rate = 1;
        }
        return new ExchangeRate(currency.Code, date, rate);
    }

    public override string[] Write(ExchangeRate r) =>
        [
            r.Currency, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (r.UnitsPerEuro / 1.000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)];
}
