using System.Collections.Concurrent;
using FinFlow.LocalInfra;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FinFlow.Auth.Tests.Infrastructure;

/// <summary>
/// A sidecar's service-invocation route only, <c>GET /v1.0/invoke/auth/method/{**method}</c>, forwarding to
/// the in-process auth app. It stands in for FinFlow.Sidecar (whose own suite covers invocation) so the
/// shared JWT extension is exercised over real HTTP on the exact URL and headers it would use with daprd.
/// </summary>
internal sealed class DaprInvokeStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DaprInvokeStandIn(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public ConcurrentQueue<(string Path, string? ApiToken)> Calls { get; } = new();

    public static async Task<DaprInvokeStandIn> StartAsync(Func<HttpClient> auth)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new DaprInvokeStandIn(app, port);
        app.MapGet("/v1.0/invoke/auth/method/{**method}", async (string method, HttpContext context) =>
        {
            standIn.Calls.Enqueue((method, context.Request.Headers["dapr-api-token"].FirstOrDefault()));
            using var client = auth();
            using var response = await client.GetAsync("/" + method);
            return Results.Text(await response.Content.ReadAsStringAsync(), "application/json", statusCode: (int)response.StatusCode);
        });
        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
