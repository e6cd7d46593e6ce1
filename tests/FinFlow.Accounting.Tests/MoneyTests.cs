using FinFlow.Accounting.Domain;
using FinFlow.Accounting.Domain.Monetary;
using Xunit;

namespace FinFlow.Accounting.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("10.5", "EUR", 1050)]
    [InlineData("10.50", "EUR", 1050)]
    [InlineData("0.01", "USD", 1)]
    [InlineData("1500", "JPY", 1500)]
    [InlineData("1.234", "BHD", 1234)]
    [InlineData("-3.25", "GBP", -325)]
    public void Decimal_amounts_become_exact_minor_units(string amount, string code, long minor)
    {
        var money = Money.FromDecimal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code);

        Assert.Equal(minor, money.MinorUnits);
        Assert.Equal(code, money.Currency.Code);
    }

    [Theory]
    [InlineData("10.005", "EUR")]
    [InlineData("1.5", "JPY")]
    [InlineData("0.0001", "KWD")]
    public void More_decimals_than_the_currency_has_is_an_error(string amount, string code)
    {
        var error = Assert.Throws<DomainValidationException>(
            () => Money.FromDecimal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code));

        var single = Assert.Single(error.Errors);
        Assert.Equal("amount", single.Field);
        Assert.Contains("decimal places", single.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_beyond_a_long_are_refused_not_wrapped()
    {
        Assert.Throws<DomainValidationException>(() => Money.FromDecimal(decimal.MaxValue / 10, Currency.EUR));
        Assert.Throws<DomainValidationException>(() => Money.FromDecimal(100_000_000_000_000_000m, Currency.EUR));
    }

    [Fact]
    public void Unknown_currency_is_an_error_when_parsing()
    {
        Assert.Throws<DomainValidationException>(() => Money.FromDecimal(1m, "ABC"));
    }

    [Fact]
    public void Arithmetic_within_one_currency_is_exact()
    {
        var a = Money.FromDecimal(0.10m, Currency.USD);
        var b = Money.FromDecimal(0.20m, Currency.USD);

        Assert.Equal(Money.FromDecimal(0.30m, Currency.USD), a + b);
        Assert.Equal(Money.FromDecimal(-0.10m, Currency.USD), a - b);
        Assert.Equal(-10, (-a).MinorUnits);
        Assert.Equal(0.3m, (a + b).ToDecimal());
    }

    [Fact]
    public void Arithmetic_across_currencies_is_refused()
    {
        var euros = new Money(100, Currency.EUR);
        var dollars = new Money(100, Currency.USD);

        Assert.Throws<InvalidOperationException>(() => euros + dollars);
        Assert.Throws<InvalidOperationException>(() => euros.Subtract(dollars));
    }

    [Fact]
    public void Overflow_throws_instead_of_wrapping()
    {
        var max = new Money(long.MaxValue, Currency.USD);

        Assert.Throws<OverflowException>(() => max + new Money(1, Currency.USD));
    }

    [Theory]
    [InlineData(1050, "EUR", "10.50 EUR")]
    [InlineData(1500, "JPY", "1500 JPY")]
    [InlineData(1, "BHD", "0.001 BHD")]
    public void Formats_with_the_currency_exponent(long minor, string code, string expected)
    {
        Assert.Equal(expected, new Money(minor, Currency.FromCode(code)).ToString());
    }
}
