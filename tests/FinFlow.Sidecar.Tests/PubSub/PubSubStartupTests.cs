using FinFlow.Testing;
using System.Net;
using FinFlow.Sidecar.Tests.Infrastructure;
using FinFlow.Sidecar.Tests.State;
using Grpc.Core;
using Xunit;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>
/// Pub/sub settings the sidecar cannot honour stop start-up naming the field, and a sidecar without any
/// pub/sub answers publishes with ERR_PUBSUB_NOT_CONFIGURED (the state fixture has none).
/// </summary>
public sealed class PubSubStartupTests(InMemoryStateFixture noPubSub) : IClassFixture<InMemoryStateFixture>
{
    [Theory]
    [InlineData("pubsub.in-memory", "maxMessageBytes", "1024", "maxMessageBytes")]
    [InlineData("pubsub.redis", "enableTLS", "true", "enableTLS")]
    [InlineData("pubsub.redis", "failover", "true", "failover")]
    public async Task Unsupported_pubsub_metadata_stops_start_up_naming_the_field(string type, string name, string value, string expected)
    {
        using var resources = new ResourceDirectory();
        // The Redis host is unreachable on purpose: the refusal must come before any connection attempt.
        var host = type == "pubsub.redis" ? "  - name: redisHost\n    value: 127.0.0.1:1\n" : "";
        var file = resources.Write("pubsub.yaml", $"apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: pubsub\nspec:\n  type: {type}\n" +
            $"  version: v1\n  metadata:\n{host}  - name: {name}\n    value: \"{value}\"\n");
        var (exitCode, output) = await SidecarProcess.RunToExitAsync(new SidecarLaunch { ResourcesPaths = [resources.Path] }, TimeSpan.FromSeconds(30));
        Assert.Equal(1, exitCode);
        Assert.Contains(file, output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_without_any_pubsub_is_err_pubsub_not_configured()
    {
        await DaprAssert.HttpErrorAsync(
            await noPubSub.Http.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}")), HttpStatusCode.BadRequest, "ERR_PUBSUB_NOT_CONFIGURED");
        await DaprAssert.GrpcStatusAsync(StatusCode.FailedPrecondition, () => noPubSub.Client.PublishEventAsync("pubsub", "orders", new TestEvent("x", 1)));
    }
}
