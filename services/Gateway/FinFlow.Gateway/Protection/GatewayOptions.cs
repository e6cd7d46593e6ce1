namespace FinFlow.Gateway.Protection;

/// <summary>Configuration section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Browser origins allowed by CORS: the dashboard only.</summary>
    public string[] FrontendOrigins { get; set; } = [];

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public int PerUserRequestsPer10Seconds { get; set; } = 200;

    public int PerIpAnonymousRequestsPer10Seconds { get; set; } = 30;
}
