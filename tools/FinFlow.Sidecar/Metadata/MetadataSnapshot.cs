using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Hosting;

namespace FinFlow.Sidecar.Metadata;

/// <summary>Builds the <c>GetMetadataResponse</c> both the gRPC and the HTTP metadata API report.</summary>
public static class MetadataSnapshot
{
    public static GetMetadataResponse Build(
        SidecarRuntime runtime, ISubscriptionSource? subscriptions = null, IEnumerable<IMetadataContributor>? contributors = null)
    {
        var options = runtime.Options;
        var response = new GetMetadataResponse { Id = options.AppId, RuntimeVersion = SidecarRuntime.Version };
        response.EnabledFeatures.Add(runtime.Resources.Configuration.Features.Where(f => f.Value).Select(f => f.Key));
        foreach (var component in runtime.Components.All)
        {
            var registered = new RegisteredComponents
            {
                Name = component.Definition.Name,
                Type = component.Definition.Type,
                Version = component.Definition.Version,
            };
            registered.Capabilities.Add(component.Capabilities);
            response.RegisteredComponents.Add(registered);
        }

        // The pub/sub block reports what actually runs (declarative and programmatic); without it, the files.
        if (subscriptions is not null) response.Subscriptions.Add(subscriptions.Subscriptions);
        foreach (var subscription in subscriptions is null ? runtime.Resources.Subscriptions : [])
        {
            var entry = new PubsubSubscription
            {
                PubsubName = subscription.PubsubName,
                Topic = subscription.Topic,
                DeadLetterTopic = subscription.DeadLetterTopic ?? "",
                Type = PubsubSubscriptionType.Declarative,
                Rules = new PubsubSubscriptionRules(),
            };
            entry.Metadata.Add(subscription.Metadata.ToDictionary());
            entry.Rules.Rules.Add(subscription.Rules.Select(r => new PubsubSubscriptionRule { Match = r.Match, Path = r.Path }));
            if (subscription.DefaultRoute is { } route) entry.Rules.Rules.Add(new PubsubSubscriptionRule { Path = route });
            response.Subscriptions.Add(entry);
        }

        response.ExtendedMetadata.Add(runtime.ExtendedMetadata.ToDictionary());
        response.ExtendedMetadata["appCommand"] = "";
        response.ExtendedMetadata["daprRuntimeVersion"] = SidecarRuntime.Version;
        response.AppConnectionProperties = new AppConnectionProperties
        {
            Port = options.AppPort ?? 0,
            Protocol = options.AppProtocol,
            ChannelAddress = options.AppChannelAddress,
            MaxConcurrency = Math.Max(0, options.AppMaxConcurrency),
        };
        if (options.EnableAppHealthCheck)
        {
            response.AppConnectionProperties.Health = new AppConnectionHealthProperties
            {
                HealthCheckPath = options.AppHealthCheckPath,
                HealthProbeInterval = $"{options.AppHealthProbeInterval.TotalSeconds}s",
                HealthProbeTimeout = $"{options.AppHealthProbeTimeout.TotalMilliseconds}ms",
                HealthThreshold = options.AppHealthThreshold,
            };
        }

        foreach (var contributor in contributors ?? []) contributor.Contribute(response);
        return response;
    }
}
