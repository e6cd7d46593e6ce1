using System.Text.RegularExpressions;

namespace FinFlow.Analytics.Categorization.Rules;

/// <summary>
/// Normalizes bank-export text so a correction applies to the same line however the bank decorates it:
/// the exact key drops case, numbers and punctuation; the merchant key also drops the export's prefix
/// (POS 1234, ACH DEBIT, SQ *, ...) and keeps the first two words of what is left: the merchant's name.
/// </summary>
public static partial class DescriptionKeys
{
    public static string Exact(string description) =>
        string.Join(' ', Words(description));

    public static string Merchant(string description)
    {
        var words = Words(PrefixPattern().Replace(description.ToUpperInvariant(), " "));
        return string.Join(' ', words.Take(2));
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToUpperInvariant()).Select(m => m.Value);

    [GeneratedRegex(@"^\s*(POS\s+\d*|ACH\s+(DEBIT|CREDIT)|CHECKCARD\s+\d*|DEBIT\s+CARD\s+PURCHASE|RECURRING\s+PAYMENT|SQ\s*\*|TST\s*\*|PAYPAL\s*\*|DEPOSIT\s+FROM|WIRE\s+IN|ZELLE\s+FROM|REMOTE\s+DEPOSIT|STRIPE\s+TRANSFER\s+PAYOUT)", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();

    // Words of letters (with inner apostrophes, ampersands, dots or dashes); numbers and store codes are noise.
    [GeneratedRegex(@"[A-Z][A-Z'&.\-]*[A-Z]|[A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
