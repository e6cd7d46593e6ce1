using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace FinFlow.ServiceDefaults.Authentication;

/// <summary>Where the JWKS is fetched: auth's method through the local sidecar's invoke API, unless an absolute address overrides it.</summary>
public static class JwksAddress
{
    /// <summary>The sidecar base address, <c>http://127.0.0.1:{DAPR_HTTP_PORT}/</c> (3500 when unset, as the Dapr SDK assumes).</summary>
    public static Uri SidecarBase(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var port = configuration.GetValue("DAPR_HTTP_PORT", 3500);
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
    }

    public static Uri For(FinFlowJwtOptions options, Uri? sidecarBase)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.JwksUri is not null) return options.JwksUri;
        var relative = $"v1.0/invoke/{Uri.EscapeDataString(options.JwksAppId)}/method/{options.JwksMethod.TrimStart('/')}";
        return sidecarBase is null ? new Uri(relative, UriKind.Relative) : new Uri(sidecarBase, relative);
    }
}
