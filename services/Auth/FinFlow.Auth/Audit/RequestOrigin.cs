using System.Diagnostics;

namespace FinFlow.Auth.Audit;

/// <summary>Who asked and under which trace: the client address (after the forwarded-headers middleware) and the W3C trace id.</summary>
public sealed record RequestOrigin(string? Ip, string? TraceId)
{
    public static RequestOrigin From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RequestOrigin(context.Connection.RemoteIpAddress?.ToString(), Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
    }

    /// <summary>Work the service does on its own (the admin bootstrap at start).</summary>
    public static RequestOrigin Internal() => new(null, Activity.Current?.TraceId.ToString());
}
