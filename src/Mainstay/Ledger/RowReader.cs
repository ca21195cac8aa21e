using System.Globalization;
using Mainstay.Money;
using Mainstay.Problems;
using Mainstay.Time;

namespace Mainstay.Ledger;

/// <summary>
/// Reads typed fields from one row of text cells, collecting a <see cref="Problem"/> per bad field
/// instead of stopping at the first. A reader whose row had problems returns placeholder values;
/// check <see cref="HasProblems"/> before using the record built from them.
/// </summary>
public sealed class RowReader(
    Func<string> where, Func<string, string?> cell, ICollection<Problem> problems, RowCache? cache = null)
{
    private int _problemCount;
    private string? _where;

    public RowReader(string where, Func<string, string?> cell, ICollection<Problem> problems, RowCache? cache = null)
        : this(() => where, cell, problems, cache)
    {
    }

    /// <summary>
    /// The place of the row, <c>file:line</c>; built only when needed (a million rows need it rarely).
    /// </summary>
    public string Where => _where ??= where();

    public bool HasProblems => _problemCount > 0;

    /// <summary>Starts over on the next row, when <c>where</c> and <c>cell</c> read a row that moves.</summary>
    public void Reset()
    {
        _problemCount = 0;
        _where = null;
    }

    public void Fail(string field, string message)
    {
        _problemCount++;
        problems.Add(new Problem(Where, field, message));
    }

    /// <summary>The trimmed cell, or empty when the column is absent (an optional column).</summary>
    public string Optional(string column) => cell(column) ?? "";

    public string Text(string column) => Required(column);

    private string Required(string column)
    {
        var text = Optional(column);
        if (text.Length == 0)
            Fail(column, "is empty; a value is required");
        return text;
    }

    public long Integer(string column, long min, long max)
    {
        var text = Required(column);
        if (text.Length == 0)
            return min;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            var isNumber = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                || text.TrimStart('-').All(char.IsAsciiDigit);
            Fail(column, isNumber && text.TrimStart('-').All(char.IsAsciiDigit)
                ? $"{text} is too large; the most is {max:N0}"
                : $"expected {Describe(min, max)}, got \"{text}\"");
            return min;
        }
        if (value < min || value > max)
        {
            Fail(column, value > max && min >= 1 && max >= 1_000_000
                ? $"{value} is too large to plan exactly; the most is {max:N0}"
                : $"expected {Describe(min, max)}, got \"{text}\"");
            return min;
        }
        return value;
    }

    public int Int(string column, int min, int max) => (int)Integer(column, min, max);

    public YearMonth Month(string column)
    {
        var text = Required(column);
        if (text.Length == 0)
            return YearMonth.Of(YearMonth.MinYear, 1);
        if (!YearMonth.TryParse(text, out var month))
        {
            Fail(column, $"expected a month YYYY-MM in years {YearMonth.MinYear}..{YearMonth.MaxYear}, got \"{text}\"");
            return YearMonth.Of(YearMonth.MinYear, 1);
        }
        return month;
    }

    public DateOnly Date(
        string column, int minYear = YearMonth.MinYear) => OptionalDate(column, required: true, minYear)
        ?? default;

    public DateOnly? OptionalDate(string column, bool required = false, int minYear = YearMonth.MinYear)
    {
        var text = required ? Required(column) : Optional(column);
        if (text.Length == 0)
            return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < minYear || date.Year > YearMonth.MaxYear)
        {
            Fail(column, $"expected a date YYYY-MM-DD in years {minYear}..{YearMonth.MaxYear}, got \"{text}\"");
            return null;
        }
        return date;
    }

    /// <summary>An optional yes/no column: empty means no.</summary>
    public bool Flag(string column)
    {
        var text = Optional(column);
        if (text is "" or "no")
            return false;
        if (text == "yes")
            return true;
        Fail(column, $"expected yes or no, got \"{text}\"");
        return false;
    }

    public T Choice<T>(string column, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = Required(column);
        if (text.Length == 0)
            return default;
        if (!choices.TryGetValue(text, out var value))
        {
            Fail(column, $"expected one of {string.Join(", ", choices.Keys)}, got \"{text}\"");
            return default;
        }
        return value;
    }

    public Currency Currency(string column)
    {
        var text = Required(column);
        if (text.Length == 0)
            return Money.Currency.Eur;
        var currency = Money.Currency.Find(text);
        if (currency is null)
        {
            Fail(column, $"unknown currency \"{text}\"; expected an ISO 4217 code such as EUR, USD, GBP");
            return Money.Currency.Eur;
        }
        return currency;
    }

    public Money.Money Amount(string column, Currency currency, bool positive = true)
    {
        var text = Required(column);
        if (text.Length == 0)
            return new Money.Money(0, currency);
        if (!Money.Money.TryParse(text, currency, out var amount, out var why))
        {
            Fail(column, why);
            return new Money.Money(0, currency);
        }
        if (positive && amount.Minor <= 0)
            Fail(column, $"expected an amount > 0, got \"{text}\"");
        return amount;
    }

    public CodeScope Recipients(string column) => Scope(column, "recipient");

    /// <summary>A <c>*</c> or <c>;</c>-list cell; <paramref name="noun"/> names what it lists, for messages.</summary>
    public CodeScope Scope(string column, string noun)
    {
        var text = Required(column);
        if (text.Length == 0)
            return CodeScope.Any;
        if (cache?.Scope(text) is { } known)
            return known;
        if (!CodeScope.TryParse(text, out var scope, out var why, noun))
            Fail(column, why);
        else
            cache?.Remember(text, scope);
        return scope;
    }

    public IReadOnlyList<string> List(string column)
    {
        var text = Optional(column);
        return text.Length == 0
            ? []
            : text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Describe(long min, long max) => (min, max) switch
    {
        (1, _) when max >= 1_000_000 => "an integer > 0",
        (0, _) when max >= 1_000_000 => "an integer >= 0",
        _ => $"an integer {min}..{max}",
    };
}
