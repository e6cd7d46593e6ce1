using FinFlow.LocalInfra;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FinFlow.Testing;

/// <summary>
/// Answers only a sidecar's two health endpoints, for ServiceDefaults readiness tests that must not
/// depend on the sidecar project. Everything that talks to Dapr for real is tested against FinFlow.Sidecar.
/// </summary>
public sealed class DaprHealthStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DaprHealthStandIn(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<DaprHealthStandIn> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/v1.0/healthz", () => Results.NoContent());
        app.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
        await app.StartAsync();
        return new DaprHealthStandIn(app, port);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
