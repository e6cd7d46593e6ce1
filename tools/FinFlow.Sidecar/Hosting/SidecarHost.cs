using System.Net;
using FinFlow.Sidecar.Actors;
using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Api.DaprGrpc;
using FinFlow.Sidecar.Components;
using FinFlow.Sidecar.Health;
using FinFlow.Sidecar.Invocation;
using FinFlow.Sidecar.Metadata;
using FinFlow.Sidecar.Observability;
using FinFlow.Sidecar.PubSub;
using FinFlow.Sidecar.Resources;
using FinFlow.Sidecar.Secrets;
using FinFlow.Sidecar.State;
using FinFlow.Sidecar.Workflow;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.Sidecar.Hosting;

/// <summary>
/// Builds the ASP.NET Core host: HTTP/1.1 API on the HTTP port, cleartext HTTP/2 (prior knowledge) on the
/// gRPC port, both on 127.0.0.1, since Kestrel cannot serve both protocols on one port without TLS (§1.1).
/// </summary>
public static class SidecarHost
{
    public static WebApplication Build(SidecarOptions options, ResourceSet resources, ComponentCatalog catalog)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        SidecarLogging.Configure(builder.Logging, options.LogLevel);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 4 * 1024 * 1024; // daprd's --max-body-size default (4Mi).
            kestrel.Listen(IPAddress.Loopback, options.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(resources);
        services.AddSingleton(resources.Configuration);
        services.AddSingleton(catalog);
        services.AddSingleton<SidecarRuntime>();
        services.AddSingleton(new ApiMetrics(options.AppId));
        services.AddHostedService<AppChannelWaiter>();
        services.AddSingleton<AppChannel>();
        services.AddTransient<IStartupFilter, DoubleSlashCleaning>();

        services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = 4 * 1024 * 1024);
        services.AddSingleton<DaprGrpcMethods>();
        services.AddSingleton<DaprGrpcService>();
        services.AddSingleton<IServiceMethodProvider<DaprGrpcService>, DaprServiceMethodProvider>();

        // Building blocks: pub/sub, invocation, workflow and actors register here the same way.
        services.AddSingleton<StateApi>();
        services.AddSingleton<IBuildingBlock, StateBuildingBlock>();
        services.AddSingleton<SecretsApi>();
        services.AddSingleton<IBuildingBlock, SecretsBuildingBlock>();
        services.AddSingleton<IBuildingBlock, MetadataBuildingBlock>();
        services.AddInvocation();
        services.AddAppHealth();
        services.AddPubSub();
        services.AddWorkflows();
        services.AddActors();

        var app = builder.Build();
        app.UseMiddleware<MetricsMiddleware>();
        app.UseMiddleware<ApiTokenMiddleware>();

        var endpoints = new SidecarEndpoints(app, options, app.Services.GetRequiredService<DaprGrpcMethods>());
        foreach (var block in app.Services.GetServices<IBuildingBlock>()) block.Map(endpoints);
        endpoints.MapGrpcService<DaprGrpcService>();
        endpoints.Http.MapGet("/metrics", (ApiMetrics metrics, IEnumerable<IMetricsSource> sources) =>
            Results.Text(metrics.Render() + string.Concat(sources.Select(source => source.Render())), "text/plain; version=0.0.4"));
        return app;
    }
}
