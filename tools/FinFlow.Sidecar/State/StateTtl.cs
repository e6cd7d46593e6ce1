using System.Globalization;

namespace FinFlow.Sidecar.State;

/// <summary>
/// The <c>ttlInSeconds</c> metadata (contract §2.5): absent means no expiry, <c>-1</c> means "never
/// expire", anything unparsable fails the write; <c>ttlExpireTime</c> is reported in RFC 3339.
/// </summary>
public static class StateTtl
{
    public const string MetadataKey = "ttlInSeconds";
    public const string ExpireTimeKey = "ttlExpireTime";

    public static int? Parse(IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(MetadataKey, out var text) || text.Length == 0) return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new FormatException($"incorrect value for metadata '{MetadataKey}': '{text}' is not an integer");
        }

        if (seconds < -1) throw new FormatException($"incorrect value for metadata '{MetadataKey}': {seconds} is less than -1");
        return seconds <= 0 ? null : seconds;
    }

    public static string Format(DateTimeOffset expiresAt) =>
        expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
