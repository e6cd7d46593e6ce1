using System.Text.Json;
using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Hosting;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace FinFlow.Sidecar.Metadata;

/// <summary>Health, metadata and shutdown (contract §4.5, §4.7), on HTTP and gRPC.</summary>
public sealed class MetadataBuildingBlock(
    SidecarRuntime runtime, IHostApplicationLifetime lifetime, IEnumerable<ISubscriptionSource> subscriptionSources,
    IEnumerable<IMetadataContributor> contributors) : IBuildingBlock
{
    private readonly ISubscriptionSource? _subscriptions = subscriptionSources.FirstOrDefault();

    public void Map(SidecarEndpoints endpoints)
    {
        var http = endpoints.Http;
        http.MapGet("/v1.0/healthz", HttpApi.Handle(context =>
        {
            var appId = context.Request.Query["appid"].ToString();
            if (appId.Length > 0 && appId != runtime.Options.AppId) throw DaprErrors.HealthAppIdNotMatch();
            if (!runtime.ComponentsReady || !runtime.IsAppChannelReady) throw DaprErrors.HealthNotReady();
            return HttpApi.NoContentAsync(context);
        }));

        // Green as soon as components are up, before the app listens: WaitForSidecarAsync relies on it (trap 5).
        http.MapGet("/v1.0/healthz/outbound", HttpApi.Handle(context =>
            runtime.ComponentsReady ? HttpApi.NoContentAsync(context) : throw DaprErrors.HealthNotReady()));

        http.MapGet("/v1.0/metadata", async context =>
        {
            context.Response.ContentType = "application/json";
            await using var writer = new Utf8JsonWriter(context.Response.Body);
            MetadataJsonWriter.Write(writer, MetadataSnapshot.Build(runtime, _subscriptions, contributors));
            await writer.FlushAsync(context.RequestAborted);
        });

        http.MapPut("/v1.0/metadata/{key}", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            runtime.ExtendedMetadata[context.Request.RouteValues["key"] as string ?? ""] = await reader.ReadToEndAsync(context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });

        http.MapPost("/v1.0/shutdown", context =>
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            context.Response.OnCompleted(() =>
            {
                lifetime.StopApplication();
                return Task.CompletedTask;
            });
            return Task.CompletedTask;
        });

        endpoints.Dapr.MapUnary<GetMetadataRequest, GetMetadataResponse>("GetMetadata", (_, _) => Task.FromResult(MetadataSnapshot.Build(runtime, _subscriptions, contributors)));
        endpoints.Dapr.MapUnary<SetMetadataRequest, Empty>("SetMetadata", (request, _) =>
        {
            runtime.ExtendedMetadata[request.Key] = request.Value;
            return Task.FromResult(new Empty());
        });
        endpoints.Dapr.MapUnary<ShutdownRequest, Empty>("Shutdown", (_, _) =>
        {
            // Answer first, then stop: the caller must see OK, as with daprd.
            _ = Task.Delay(TimeSpan.FromMilliseconds(100)).ContinueWith(_ => lifetime.StopApplication(), TaskScheduler.Default);
            return Task.FromResult(new Empty());
        });
    }
}
