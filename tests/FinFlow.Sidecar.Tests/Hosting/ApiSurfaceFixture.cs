using FinFlow.Testing;
using FinFlow.LocalInfra;
using FinFlow.Sidecar.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Tests.Hosting;

/// <summary>
/// A sidecar loading every resource kind: state, both pub/sub types,
/// v2alpha1 and v1alpha1 subscriptions and a resiliency policy, split over two resources paths.
/// <c>pubsub.redis</c> connects at start-up as in daprd, so a private redis-server backs it.
/// </summary>
public sealed class ApiSurfaceFixture : IAsyncLifetime
{
    private readonly ResourceDirectory _components = new();
    private readonly ResourceDirectory _subscriptions = new();

    public SidecarProcess Sidecar { get; private set; } = null!;

    private RedisServer? _redis;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _components.Write("components.yaml", $$"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: statestore
            spec:
              type: state.in-memory
              version: v1
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.redis
              version: v1
              metadata:
              - name: redisHost
                value: 127.0.0.1:{{_redis.Port}}
              - name: consumerID
                value: "{uuid}"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: memorybus
            spec:
              type: pubsub.in-memory
              version: v1
            """);
        _subscriptions.Write("subscriptions.yml", """
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: invoices
            spec:
              pubsubname: pubsub
              topic: invoice_created
              routes:
                default: /events/invoices
              deadLetterTopic: invoice_created_dlq
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Subscription
            metadata:
              name: legacy
            spec:
              pubsubname: memorybus
              topic: payment_completed
              route: /events/payments
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: policies
            spec:
              policies:
                retries:
                  pubsubRetry:
                    policy: exponential
                    maxInterval: 10s
                    maxRetries: 3
                    matching:
                      httpStatusCodes: "500-599,409"
              targets:
                components:
                  pubsub:
                    inbound:
                      retry: pubsubRetry
            """);
        Sidecar = await SidecarProcess.StartAsync(new SidecarLaunch { AppId = "surfaceapp", ResourcesPaths = [_components.Path, _subscriptions.Path] });
    }

    public async Task DisposeAsync()
    {
        if (Sidecar is not null) await Sidecar.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        _components.Dispose();
        _subscriptions.Dispose();
    }
}
