using Mainstay.Problems;

namespace Mainstay.Money;

/// <summary>
/// Values amounts in euros by the rule every report states: the ECB reference rate of the value
/// date (the last published on or before it); for a currency the ECB does not publish (ALL, MKD),
/// the IMF annual average of the value date's year crossed through the US dollar
/// (units per euro = units per US$ ÷ euros per US$), or of the year before while the IMF has not
/// yet published that year's. Yearly figures such as GDP use the mean of
/// the ECB's daily rates in that year, with the same IMF fallback.
/// </summary>
public sealed class EuroValuation
{
    private readonly EuroConverter _ecb;
    private readonly Dictionary<string, List<decimal>> _ecbYears = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ecbCurrencies = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Currency, int Year), AnnualRate> _imf = [];

    public EuroValuation(IEnumerable<ExchangeRate> ecbRates, IEnumerable<AnnualRate> annualRates)
    {
        var rates = ecbRates as IReadOnlyCollection<ExchangeRate> ?? ecbRates.ToArray();
        _ecb = new EuroConverter(rates);
        foreach (var rate in rates)
        {
            _ecbCurrencies.Add(rate.Currency);
            var key = YearKey(rate.Currency, rate.Date.Year);
            if (!_ecbYears.TryGetValue(key, out var days))
                _ecbYears[key] = days = [];
            days.Add(rate.UnitsPerEuro);
        }
        foreach (var rate in annualRates)
            _imf[(rate.Currency, rate.Year)] = rate;
    }

    /// <summary>The amount in euros on <paramref name="valueDate"/>.</summary>
    public Result<EuroValue> ToEur(Money amount, DateOnly valueDate)
    {
        if (amount.Currency == Currency.Eur || _ecbCurrencies.Contains(amount.Currency.Code))
            return _ecb.ToEur(amount, valueDate);
        foreach (var year in new[] { valueDate.Year, valueDate.Year - 1 })
        {
            var crossed = ImfUnitsPerEuro(amount.Currency.Code, year);
            if (!crossed.IsOk)
                return crossed.Problem;
            if (crossed.Value is { } rate)
                return Convert(
                    amount, rate, valueDate,
                    $"IMF annual average {year} via US$ (no ECB rate for {amount.Currency.Code})", byImf: true);
        }
        return new Problem(amount.Currency.Code, "rate",
            $"no rate to value {amount.Currency.Code} on {valueDate:yyyy-MM-dd}: the ECB publishes "
                + $"none for it and no IMF annual average for {valueDate.Year - 1} or {valueDate.Year} (with "
                + "the euro's) is loaded; import the IMF's imf_exchangerates_A_ENDA_USD.csv");
    }

    /// <summary>A yearly amount (such as GDP) in euros at the year's average rate.</summary>
    public Result<EuroValue> YearToEur(Money amount, int year)
    {
        var date = new DateOnly(year, 12, 31);
        if (amount.Currency == Currency.Eur)
            return Result<EuroValue>.Ok(new EuroValue(amount, amount, 1m, date, "in euros"));
        var code = amount.Currency.Code;
        if (_ecbYears.TryGetValue(YearKey(code, year), out var ecb))
            return Convert(amount, Mean(ecb), date, $"mean of the {ecb.Count} ECB daily rates of {year}");
        var crossed = ImfUnitsPerEuro(code, year);
        if (!crossed.IsOk)
            return crossed.Problem;
        if (crossed.Value is { } rate)
            return Convert(
                amount, rate, date, $"IMF annual average {year} via US$ (no ECB rates for {code} in {year})",
                byImf: true);
        return new Problem(code, "rate", $"no ECB rates for {code} in {year} and no IMF annual average: "
            + "import the ECB's eurofxref-hist.csv or the IMF's rates");
    }

    /// <summary>
    /// The IMF's rate crossed through the dollar; null when either is missing, a problem when it overflows.
    /// </summary>
    private Result<decimal?> ImfUnitsPerEuro(string currency, int year)
    {
        if (!_imf.TryGetValue((Currency.Eur.Code, year), out var euro))
            return Result<decimal?>.Ok(null);
        if (currency != "USD" && !_imf.ContainsKey((currency, year)))
            return Result<decimal?>.Ok(null);
        var perUsd = currency == "USD" ? 1m : _imf[(currency, year)].UnitsPerUsd;
        try
        {
            return Result<decimal?>.Ok(perUsd / euro.UnitsPerUsd);
        }
        catch (OverflowException)
        {
            return new Problem(
                currency, "rate", $"the IMF annual averages of {year} ({perUsd} {currency} and {euro.UnitsPerUsd} EUR "
                + "per US$) cross to more units per euro than Mainstay can count: is a rate wrong?");
        }
    }

    private static Result<EuroValue> Convert(
        Money amount, decimal unitsPerEuro, DateOnly rateDate, string basis, bool byImf = false)
    {
        var eur = EuroConverter.InEuros(amount, unitsPerEuro, rateDate);
        return eur.IsOk ? new EuroValue(amount, eur.Value, unitsPerEuro, rateDate, basis, byImf) : eur.Problem;
    }

    /// <summary>
    /// The mean; a running mean when the sum of rates far out of range (an older ledger's) would overflow.
    /// </summary>
    private static decimal Mean(List<decimal> rates)
    {
        try
        {
            return rates.Sum() / rates.Count;
        }
        catch (OverflowException)
        {
            var mean = 0m;
            for (var i = 0; i < rates.Count; i++)
                mean += (rates[i] - mean) / (i + 1);
            return mean;
        }
    }

    private static string YearKey(string currency, int year) => $"{currency}:{year}";
}
