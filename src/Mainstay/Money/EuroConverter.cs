using Mainstay.Problems;

namespace Mainstay.Money;

/// <summary>
/// Converts amounts to euros at the ECB reference rate of the value date: the last rate published
/// on or before that date (the ECB publishes none on weekends and TARGET holidays). Results are
/// rounded to the cent, half away from zero.
/// </summary>
public sealed class EuroConverter
{
    private readonly Dictionary<string, (DateOnly[] Dates, decimal[] Rates)> _byCurrency;

    public EuroConverter(IEnumerable<ExchangeRate> rates)
    {
        _byCurrency = rates
            .GroupBy(r => r.Currency, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var sorted = g.OrderBy(r => r.Date).ToArray();
                    return (sorted.Select(r => r.Date).ToArray(), sorted.Select(r => r.UnitsPerEuro).ToArray());
                },
                StringComparer.Ordinal);
    }

    public Result<EuroValue> ToEur(Money amount, DateOnly valueDate)
    {
        if (amount.Currency == Currency.Eur)
            return Result<EuroValue>.Ok(new EuroValue(amount, amount, 1m, valueDate));

        var code = amount.Currency.Code;
        if (!_byCurrency.TryGetValue(code, out var series))
            return new Problem(code, "rate", $"no ECB reference rate for {code} is loaded; import the ECB's eurofxref-hist.csv");

        var index = Array.BinarySearch(series.Dates, valueDate);
        if (index < 0)
            index = ~index - 1;
        if (index < 0)
            return new Problem(code, "rate",
                $"no ECB reference rate for {code} on or before {valueDate:yyyy-MM-dd} (the first loaded is {series.Dates[0]:yyyy-MM-dd})");

        var rate = series.Rates[index];
        return Result<EuroValue>.Ok(new EuroValue(amount, Money.FromUnits(amount.Units / rate, Currency.Eur), rate, series.Dates[index]));
    }
}
