using Mainstay.Money;

namespace Mainstay.Tests.Money;

public sealed class MoneyTests
{
    private static readonly Currency Eur = Currency.Eur;
    private static readonly Currency Jpy = Currency.Find("JPY")!;
    private static readonly Currency Kwd = Currency.Find("KWD")!;

    [Theory]
    [InlineData("1250000", 125_000_000)]
    [InlineData("1250000.5", 125_000_050)]
    [InlineData("0.01", 1)]
    [InlineData("-12.30", -1230)]
    public void Parses_amounts_into_minor_units(string text, long minor)
    {
        Mainstay.Money.Money.TryParse(text, Eur, out var money, out _).ShouldBeTrue();
        money.Minor.ShouldBe(minor);
    }

    [Theory]
    [InlineData("1.005", "EUR has 2 decimals")]
    [InlineData("1,000", "expected an amount such as 1250000.50")]
    [InlineData("1e6", "expected an amount such as 1250000.50")]
    [InlineData("ten", "expected an amount such as 1250000.50")]
    [InlineData("1.", "expected an amount such as 1250000.50")]
    [InlineData("999999999999999999999", "amount is too large")]
    public void Refuses_what_is_not_an_exact_amount(string text, string why)
    {
        Mainstay.Money.Money.TryParse(text, Eur, out _, out var message).ShouldBeFalse();
        message.ShouldContain(why);
    }

    [Fact]
    public void Knows_each_currencys_decimals()
    {
        Mainstay.Money.Money.TryParse("100.5", Jpy, out _, out var why).ShouldBeFalse();
        why.ShouldBe("JPY has no decimals, got \"100.5\"");
        Mainstay.Money.Money.TryParse("1.125", Kwd, out var dinars, out _).ShouldBeTrue();
        dinars.Minor.ShouldBe(1125);
        dinars.AmountText().ShouldBe("1.125");
        new Mainstay.Money.Money(150, Eur).AmountText().ShouldBe("1.50");
    }

    [Fact]
    public void Adding_different_currencies_is_a_bug()
    {
        var euros = new Mainstay.Money.Money(100, Eur);
        Should.Throw<InvalidOperationException>(() => euros + new Mainstay.Money.Money(100, Jpy));
        (euros + euros).Minor.ShouldBe(200);
    }

    [Fact]
    public void Overflow_is_caught_not_wrapped()
    {
        var huge = new Mainstay.Money.Money(long.MaxValue, Eur);
        Should.Throw<OverflowException>(() => huge + new Mainstay.Money.Money(1, Eur));
    }
}
