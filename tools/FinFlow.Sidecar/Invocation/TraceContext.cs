namespace FinFlow.Sidecar.Invocation;

/// <summary>
/// W3C trace context for invocation. The sidecar is a span of its own, as daprd is: an incoming valid
/// <c>traceparent</c> keeps its trace id and flags and gets a fresh parent (span) id; without one (or with
/// a malformed one) a new sampled trace starts, so the callee always sees a well-formed header.
/// </summary>
public static class TraceContext
{
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public static string NextTraceParent(string? incoming)
    {
        Span<char> result = stackalloc char[55];
        Span<byte> random = stackalloc byte[24];
        // Span and trace ids need uniqueness, not secrecy; the CSPRNG showed up in the invocation profile.
        Random.Shared.NextBytes(random);
        if (IsValid(incoming))
        {
            incoming.AsSpan(0, 36).CopyTo(result); // "00-" + 32 hex trace id + "-"
            Convert.TryToHexStringLower(random[..8], result[36..52], out _);
            incoming.AsSpan(52, 3).CopyTo(result[52..]); // "-" + flags
            return new string(result);
        }

        "00-".AsSpan().CopyTo(result);
        Convert.TryToHexStringLower(random[8..], result[3..35], out _);
        result[35] = '-';
        Convert.TryToHexStringLower(random[..8], result[36..52], out _);
        "-01".AsSpan().CopyTo(result[52..]);
        return new string(result);
    }

    /// <summary>Version 00 layout, lower-case hex, and neither id all zeros (W3C rules).</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 55 || !value.StartsWith("00-", StringComparison.Ordinal) || value[35] != '-' || value[52] != '-')
        {
            return false;
        }

        var span = value.AsSpan();
        return IsHex(span[3..35]) && IsHex(span[36..52]) && IsHex(span[53..55])
            && span[3..35].ContainsAnyExcept('0') && span[36..52].ContainsAnyExcept('0');
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f'))) return false;
        }

        return true;
    }
}
