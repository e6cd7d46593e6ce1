using System.Globalization;

namespace FinFlow.Accounting.Domain.Monetary;

/// <summary>
/// An amount as whole minor units of one currency. Integers avoid binary-float rounding entirely;
/// decimals appear only at the edges (parsing, display), checked against the currency's exponent.
/// </summary>
public sealed record Money
{
    public Money(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        MinorUnits = minorUnits;
        Currency = currency;
    }

    public long MinorUnits { get; }

    public Currency Currency { get; }

    public bool IsPositive => MinorUnits > 0;

    public bool IsZero => MinorUnits == 0;

    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>
    /// Converts a decimal amount, refusing more fractional digits than the currency has
    /// (10.005 EUR, 1.5 JPY): rounding would invent or lose money the caller never meant.
    /// </summary>
    public static Money FromDecimal(decimal amount, Currency currency, string field = "amount")
    {
        ArgumentNullException.ThrowIfNull(currency);
        decimal scaled;
        try
        {
            scaled = amount * Pow10(currency.Exponent);
        }
        catch (OverflowException)
        {
            throw new DomainValidationException(field, "The amount is too large.");
        }

        if (scaled != decimal.Truncate(scaled))
        {
            throw new DomainValidationException(
                field,
                $"{currency.Code} allows at most {currency.Exponent} decimal places; {amount.ToString(CultureInfo.InvariantCulture)} has more.");
        }

        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            throw new DomainValidationException(field, "The amount is too large.");
        }

        return new Money((long)scaled, currency);
    }

    public static Money FromDecimal(decimal amount, string currencyCode, string field = "amount") =>
        FromDecimal(amount, Currency.FromCode(currencyCode), field);

    /// <summary>Exact decimal value; decimal holds any long divided by 10^3 without loss.</summary>
    public decimal ToDecimal() => MinorUnits / Pow10(Currency.Exponent);

    public Money Add(Money other) => new(checked(MinorUnits + SameCurrency(other).MinorUnits), Currency);

    public Money Subtract(Money other) => new(checked(MinorUnits - SameCurrency(other).MinorUnits), Currency);

    public Money Negate() => new(checked(-MinorUnits), Currency);

    public static Money operator +(Money left, Money right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Add(right);
    }

    public static Money operator -(Money left, Money right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Subtract(right);
    }

    public static Money operator -(Money value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Negate();
    }

    /// <summary>Invariant-culture amount with exactly the currency's decimals, e.g. "10.50 EUR".</summary>
    public override string ToString() =>
        $"{ToDecimal().ToString("F" + Currency.Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} {Currency.Code}";

    private Money SameCurrency(Money other)
    {
        ArgumentNullException.ThrowIfNull(other);
        // Mixing currencies would need an exchange rate, which is a business decision, not arithmetic.
        return other.Currency == Currency
            ? other
            : throw new InvalidOperationException($"Cannot combine {Currency.Code} with {other.Currency.Code}.");
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++) result *= 10m;
        return result;
    }
}
