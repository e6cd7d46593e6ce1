using System.Diagnostics;

namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// W3C trace context for pub/sub: daprd starts a span under the caller's <c>traceparent</c> for the publish
/// (same trace id, new span id) and writes it into the envelope; delivery continues that trace.
/// </summary>
public static class TraceContext
{
    /// <summary>A child of <paramref name="parent"/> when it is a valid traceparent, otherwise the root of a new trace.</summary>
    public static string ChildOf(string? parent)
    {
        if (parent is not null && TryParse(parent, out var traceId, out var flags))
        {
            return $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-{flags}";
        }

        return $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
    }

    public static bool TryParse(string value, out string traceId, out string flags)
    {
        traceId = flags = "";
        var parts = value.Trim().Split('-');
        if (parts.Length < 4 || parts[0].Length != 2 || parts[1].Length != 32 || parts[2].Length != 16 || parts[3].Length != 2) return false;
        if (!parts.Skip(1).Take(3).All(IsHex) || parts[1].All(c => c == '0') || parts[2].All(c => c == '0')) return false;
        traceId = parts[1].ToLowerInvariant();
        flags = parts[3].ToLowerInvariant();
        return true;
    }

    private static bool IsHex(string text) => text.All(Uri.IsHexDigit);
}
