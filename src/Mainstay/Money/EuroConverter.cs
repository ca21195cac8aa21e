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
            return new Problem(
                code, "rate", $"no ECB reference rate for {code} is loaded; import the ECB's eurofxref-hist.csv");

        var index = Array.BinarySearch(series.Dates, valueDate);
        if (index < 0)
            index = ~index - 1;
        if (index < 0)
            return new Problem(code, "rate",
                $"no ECB reference rate for {code} on or before "
                    + $"{valueDate:yyyy-MM-dd} (the first loaded is {series.Dates[0]:yyyy-MM-dd})");

        var rate = series.Rates[index];
        var eur = InEuros(amount, rate, valueDate);
        return eur.IsOk
            ? Result<EuroValue>.Ok(new EuroValue(amount, eur.Value, rate, series.Dates[index]))
            : eur.Problem;
    }

    /// <summary>
    /// The amount at <paramref name="unitsPerEuro"/>, or a problem when the euros are more than
    /// <see cref="Money"/> holds (a rate far out of range in an older ledger, a huge amount).
    /// </summary>
    internal static Result<Money> InEuros(Money amount, decimal unitsPerEuro, DateOnly valueDate)
    {
        try
        {
            return Money.FromUnits(amount.Units / unitsPerEuro, Currency.Eur);
        }
        catch (OverflowException)
        {
            return TooLarge(amount, valueDate, $"at {unitsPerEuro} per euro");
        }
    }

    /// <summary>The problem of an amount whose value in euros overflows.</summary>
    internal static Problem TooLarge(Money amount, DateOnly valueDate, string how) =>
        new(amount.Currency.Code, "rate", $"{amount} on {valueDate:yyyy-MM-dd} {how} comes to more euros than Mainstay "
            + "can count (92,233,720,368,547,758.07): is the amount or the rate wrong?");
}
