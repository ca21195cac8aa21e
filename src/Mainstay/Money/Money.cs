using System.Globalization;

namespace Mainstay.Money;

/// <summary>
/// An amount in minor units of its currency (cents for EUR, yen for JPY). Exact; arithmetic is
/// checked for overflow. Two amounts are equal when currency and minor units are equal.
/// </summary>
public readonly record struct Money(long Minor, Currency Currency)
{
    public decimal Units => (decimal)Minor / Currency.MinorPerUnit;

    public static Money operator +(Money a, Money b) =>
        a.Currency == b.Currency
            ? new Money(checked(a.Minor + b.Minor), a.Currency)
            : throw new InvalidOperationException($"cannot add {a.Currency} to {b.Currency}");

    /// <summary>
    /// Parses a plain decimal amount such as <c>1250000</c> or <c>-12.5</c>: no thousands
    /// separators, no exponent, at most as many decimals as the currency has.
    /// </summary>
    public static bool TryParse(string text, Currency currency, out Money money, out string why)
    {
        money = default;
        why = "";
        var body = text.StartsWith('-') ? text[1..] : text;
        var dot = body.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? body : body[..dot];
        var fraction = dot < 0 ? "" : body[(dot + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || (dot >= 0 && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))))
        {
            why = $"expected an amount such as 1250000.50, got \"{text}\"";
            return false;
        }
        if (fraction.Length > currency.MinorUnits)
        {
            why = currency.MinorUnits == 0
                ? $"{currency.Code} has no decimals, got \"{text}\""
                : $"{currency.Code} has {currency.MinorUnits} decimals, got \"{text}\"";
            return false;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var units)
            || Math.Abs(units) > long.MaxValue / currency.MinorPerUnit)
        {
            why = $"amount is too large: \"{text}\"";
            return false;
        }
        money = new Money((long)(units * currency.MinorPerUnit), currency);
        return true;
    }

    /// <summary>Euros from minor units (cents).</summary>
    public static Money FromMinor(long cents) => new(cents, Currency.Eur);

    /// <summary>An amount of units rounded to the currency's minor unit, half away from zero.</summary>
    public static Money FromUnits(decimal units, Currency currency) =>
        new((long)Math.Round(units * currency.MinorPerUnit, MidpointRounding.AwayFromZero), currency);

    /// <summary>Canonical text: exactly the currency's decimals, invariant culture, no separators.</summary>
    public string AmountText() => Units.ToString(
        "F" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public override string ToString() => $"{AmountText()} {Currency.Code}";
}
