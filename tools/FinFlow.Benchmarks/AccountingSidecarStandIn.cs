using System.Net;
using FinFlow.LocalInfra;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FinFlow.Benchmarks;

/// <summary>
/// Stands in, inside this process, for the accounting app's Dapr sidecar, answering only what the app asks of it:
/// the health endpoints (readiness), auth's JWKS through the invoke path (the benchmark's own signing key), and on
/// the gRPC port <c>PublishEvent</c>, which the outbox relay calls for every <c>invoice_created</c>. Publishes are
/// accepted and counted as a broker would take them, so the relay does its real database work (select, mark sent)
/// instead of failing and backing off.
/// </summary>
public sealed class AccountingSidecarStandIn : IAsyncDisposable
{
    private const string GrpcStatusOk = "0";
    private const string GrpcStatusUnimplemented = "12";

    // One gRPC message frame: not compressed, zero bytes long, which is google.protobuf.Empty (PublishEvent's answer).
    private static readonly byte[] EmptyMessageFrame = new byte[5];

    private readonly WebApplication _app;
    private long _published;

    private AccountingSidecarStandIn(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
    }

    public int HttpPort { get; }

    public int GrpcPort { get; }

    public long Published => Interlocked.Read(ref _published);

    public static async Task<AccountingSidecarStandIn> StartAsync(string jwks, CancellationToken cancellationToken)
    {
        var (httpPort, grpcPort) = (FreePort.Next(), FreePort.Next());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort);
            // gRPC over cleartext HTTP/2 with prior knowledge, as the Dapr client speaks to its sidecar.
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        var standIn = new AccountingSidecarStandIn(app, httpPort, grpcPort);
        app.MapGet("/v1.0/healthz", () => Results.NoContent());
        app.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
        app.MapGet("/v1.0/invoke/auth/method/{**method}", (string method) =>
            method.EndsWith("jwks.json", StringComparison.Ordinal) ? Results.Text(jwks, "application/json") : Results.NotFound());
        app.MapPost("/dapr.proto.runtime.v1.Dapr/{method}", standIn.AnswerGrpcAsync);
        await app.StartAsync(cancellationToken);
        return standIn;
    }

    /// <summary>Waits until at least <paramref name="expected"/> events were published or the time is up; returns the count.</summary>
    public async Task<long> WaitForPublishedAsync(long expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Published < expected && DateTime.UtcNow < deadline) await Task.Delay(100, cancellationToken);
        return Published;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerGrpcAsync(HttpContext context, string method)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Response.ContentType = "application/grpc";
        if (method != "PublishEvent")
        {
            context.Response.AppendTrailer("grpc-status", GrpcStatusUnimplemented);
            return;
        }

        await context.Response.Body.WriteAsync(EmptyMessageFrame, context.RequestAborted);
        context.Response.AppendTrailer("grpc-status", GrpcStatusOk);
        Interlocked.Increment(ref _published);
    }
}
