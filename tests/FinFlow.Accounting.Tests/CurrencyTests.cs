using FinFlow.Accounting.Domain;
using FinFlow.Accounting.Domain.Monetary;
using Xunit;

namespace FinFlow.Accounting.Tests;

public class CurrencyTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("GBP", 2)]
    [InlineData("CHF", 2)]
    [InlineData("JPY", 0)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    public void Known_codes_carry_their_minor_unit_exponent(string code, int exponent)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(exponent, currency.Exponent);
    }

    [Theory]
    [InlineData("XXX")]
    [InlineData("usd")]
    [InlineData(" USD")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_or_malformed_codes_are_refused(string? code)
    {
        var error = Assert.Throws<DomainValidationException>(() => Currency.FromCode(code));

        Assert.Equal("currency", Assert.Single(error.Errors).Field);
        Assert.False(Currency.TryFromCode(code, out _));
    }

    [Fact]
    public void The_same_code_is_the_same_currency()
    {
        Assert.Equal(Currency.FromCode("EUR"), Currency.EUR);
        Assert.NotEqual(Currency.EUR, Currency.USD);
    }
}
