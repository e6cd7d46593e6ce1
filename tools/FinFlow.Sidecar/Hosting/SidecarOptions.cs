namespace FinFlow.Sidecar.Hosting;

/// <summary>Everything daprd takes from its command line and environment that this sidecar honours.</summary>
public sealed record SidecarOptions
{
    public string AppId { get; init; } = "";

    /// <summary>Null when the sidecar runs without an app (daprd allows that).</summary>
    public int? AppPort { get; init; }

    public string AppProtocol { get; init; } = "http";

    public string AppChannelAddress { get; init; } = "127.0.0.1";

    public int HttpPort { get; init; } = 3500;

    public int GrpcPort { get; init; } = 50001;

    public IReadOnlyList<string> ResourcesPaths { get; init; } = [];

    public string? ConfigFile { get; init; }

    public string LogLevel { get; init; } = "info";

    public bool EnableAppHealthCheck { get; init; }

    public string AppHealthCheckPath { get; init; } = "/healthz";

    public TimeSpan AppHealthProbeInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan AppHealthProbeTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    public int AppHealthThreshold { get; init; } = 3;

    public int AppMaxConcurrency { get; init; } = -1;

    /// <summary>DAPR_API_TOKEN: required on every API call when set.</summary>
    public string? ApiToken { get; init; }

    /// <summary>APP_API_TOKEN: sent to the app as <c>dapr-api-token</c> when set.</summary>
    public string? AppApiToken { get; init; }

    /// <summary>NAMESPACE from the environment; used by key prefixes and templates.</summary>
    public string? Namespace { get; init; }
}
