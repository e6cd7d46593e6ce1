using System.Collections.Frozen;

namespace FinFlow.Accounting.Domain.Monetary;

/// <summary>
/// An ISO 4217 currency and its minor-unit exponent. Only listed currencies exist: an unknown code
/// is refused rather than guessed at, because a wrong exponent silently scales amounts by 10^n.
/// </summary>
public sealed record Currency
{
    private static readonly FrozenDictionary<string, Currency> Known = new[]
    {
        new Currency("USD", 2), new Currency("EUR", 2), new Currency("GBP", 2), new Currency("CHF", 2),
        new Currency("CAD", 2), new Currency("AUD", 2), new Currency("SEK", 2), new Currency("NOK", 2),
        new Currency("DKK", 2), new Currency("PLN", 2), new Currency("CNY", 2), new Currency("INR", 2),
        new Currency("JPY", 0), new Currency("KRW", 0), new Currency("ISK", 0),
        new Currency("BHD", 3), new Currency("KWD", 3), new Currency("JOD", 3), new Currency("OMR", 3), new Currency("TND", 3),
    }.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    private Currency(string code, int exponent)
    {
        Code = code;
        Exponent = exponent;
    }

    public static Currency USD => Known["USD"];

    public static Currency EUR => Known["EUR"];

    public static Currency JPY => Known["JPY"];

    /// <summary>The three-letter upper-case ISO 4217 code.</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point in the currency's minor unit (2 for cents, 0 for yen, 3 for fils).</summary>
    public int Exponent { get; }

    public static IReadOnlyCollection<Currency> All => Known.Values;

    /// <summary>Looks a code up exactly: lower-case or padded codes are errors, since ISO codes are upper-case.</summary>
    public static bool TryFromCode(string? code, out Currency? currency)
    {
        currency = null;
        return code is not null && Known.TryGetValue(code, out currency);
    }

    public static Currency FromCode(string? code) =>
        TryFromCode(code, out var currency)
            ? currency!
            : throw new DomainValidationException("currency", $"Unknown currency '{code}': expected an ISO 4217 code such as USD.");

    public override string ToString() => Code;
}
