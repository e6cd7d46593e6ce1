namespace FinFlow.Credit.Money;

/// <summary>
/// Converts between decimal amounts (major units, as the API carries them) and long minor units (as the database
/// keeps them), by the ISO 4217 exponent of the currency: 0 for JPY or KRW, 3 for BHD or KWD, 2 otherwise.
/// </summary>
public static class MinorUnits
{
    private static readonly HashSet<string> NoMinorUnit = new(StringComparer.Ordinal)
    {
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    private static readonly HashSet<string> ThreeDecimals = new(StringComparer.Ordinal) { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" };

    private static readonly HashSet<string> FourDecimals = new(StringComparer.Ordinal) { "CLF", "UYW" };

    /// <summary>Without a currency (books not started) amounts are still kept in hundredths.</summary>
    public static int Exponent(string? currency) => currency switch
    {
        null => 2,
        _ when NoMinorUnit.Contains(currency) => 0,
        _ when ThreeDecimals.Contains(currency) => 3,
        _ when FourDecimals.Contains(currency) => 4,
        _ => 2,
    };

    /// <summary>Three upper-case letters; whether the code exists is accounting's to say.</summary>
    public static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z');

    /// <summary>Half-even to the minor unit, the rounding accounting uses.</summary>
    public static long ToMinor(decimal amount, string? currency) =>
        checked((long)decimal.Round(amount * Scale(currency), 0, MidpointRounding.ToEven));

    public static decimal ToMajor(long minor, string? currency) => minor / Scale(currency);

    public static decimal Round(decimal amount, string? currency) => decimal.Round(amount, Exponent(currency), MidpointRounding.ToEven);

    /// <summary>Up to the next minor unit: a repayment rounded down would leave the loan short.</summary>
    public static decimal RoundUp(decimal amount, string? currency) => decimal.Ceiling(amount * Scale(currency)) / Scale(currency);

    /// <summary>Down to the minor unit: what may be relied on must never be overstated.</summary>
    public static decimal RoundDown(decimal amount, string? currency) => decimal.Floor(amount * Scale(currency)) / Scale(currency);

    private static decimal Scale(string? currency) => Exponent(currency) switch
    {
        0 => 1m,
        3 => 1000m,
        4 => 10000m,
        _ => 100m,
    };
}
