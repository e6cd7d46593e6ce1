namespace FinFlow.Payments.Processing;

/// <summary>
/// The simulated processor's fee, modelled on Stripe's standard card pricing: 2.9 % of the amount plus a
/// fixed 0.30 of the currency's major unit, each part rounded half-up to the minor unit separately
/// (the fixed part is 30 cents for USD/EUR, 300 fils for BHD, and rounds to 0 for JPY).
/// </summary>
public static class ProcessingFee
{
    public const int PercentInTenthsOfAPercent = 29;

    public static long Simulated(long amountMinor, int currencyExponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountMinor);
        ArgumentOutOfRangeException.ThrowIfNegative(currencyExponent);
        // amount × 29 / 1000, half-up; Int128 so even long.MaxValue × 29 cannot overflow.
        var percentPart = (long)(((Int128)amountMinor * PercentInTenthsOfAPercent + 500) / 1000);
        var fixedPart = (long)Math.Round(0.30m * Pow10(currencyExponent), MidpointRounding.AwayFromZero);
        return checked(percentPart + fixedPart);
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++) result *= 10m;
        return result;
    }
}
