using System.Text.Json;
using Dapr.Client.Autogen.Grpc.v1;

namespace FinFlow.Sidecar.Metadata;

/// <summary>Writes <c>GET /v1.0/metadata</c> with the field names daprd uses (contract §4.7).</summary>
public static class MetadataJsonWriter
{
    public static void Write(Utf8JsonWriter writer, GetMetadataResponse metadata)
    {
        writer.WriteStartObject();
        writer.WriteString("id", metadata.Id);
        writer.WriteString("runtimeVersion", metadata.RuntimeVersion);
        writer.WriteStartArray("enabledFeatures");
        foreach (var feature in metadata.EnabledFeatures) writer.WriteStringValue(feature);
        writer.WriteEndArray();
        writer.WriteStartArray("components");
        foreach (var component in metadata.RegisteredComponents)
        {
            writer.WriteStartObject();
            writer.WriteString("name", component.Name);
            writer.WriteString("type", component.Type);
            writer.WriteString("version", component.Version);
            writer.WriteStartArray("capabilities");
            foreach (var capability in component.Capabilities) writer.WriteStringValue(capability);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("subscriptions");
        foreach (var subscription in metadata.Subscriptions) WriteSubscription(writer, subscription);
        writer.WriteEndArray();
        writer.WriteStartArray("httpEndpoints");
        writer.WriteEndArray();
        writer.WriteStartObject("extended");
        foreach (var (key, value) in metadata.ExtendedMetadata) writer.WriteString(key, value);
        writer.WriteEndObject();
        WriteAppConnection(writer, metadata.AppConnectionProperties);
        WriteActorRuntime(writer, metadata);
        if (metadata.Workflows is { ConnectedWorkers: > 0 } workflows)
        {
            writer.WriteStartObject("workflows");
            writer.WriteNumber("connectedWorkers", workflows.ConnectedWorkers);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>daprd's <c>actorRuntime</c> object, leaving out an empty list (the deprecated top-level <c>actors</c> is not written).</summary>
    private static void WriteActorRuntime(Utf8JsonWriter writer, GetMetadataResponse metadata)
    {
        if (metadata.ActorRuntime is not { } actors) return;
        writer.WriteStartObject("actorRuntime");
        writer.WriteString("runtimeStatus", actors.RuntimeStatus.ToString().ToUpperInvariant());
        if (actors.ActiveActors.Count > 0)
        {
            writer.WriteStartArray("activeActors");
            foreach (var count in actors.ActiveActors) WriteActorCount(writer, count);
            writer.WriteEndArray();
        }

        writer.WriteBoolean("hostReady", actors.HostReady);
        if (actors.Placement.Length > 0) writer.WriteString("placement", actors.Placement);
        writer.WriteEndObject();
    }

    private static void WriteActorCount(Utf8JsonWriter writer, ActiveActorsCount count)
    {
        writer.WriteStartObject();
        writer.WriteString("type", count.Type);
        writer.WriteNumber("count", count.Count);
        writer.WriteEndObject();
    }

    private static void WriteSubscription(Utf8JsonWriter writer, PubsubSubscription subscription)
    {
        writer.WriteStartObject();
        writer.WriteString("pubsubname", subscription.PubsubName);
        writer.WriteString("topic", subscription.Topic);
        writer.WriteStartObject("metadata");
        foreach (var (key, value) in subscription.Metadata) writer.WriteString(key, value);
        writer.WriteEndObject();
        writer.WriteStartObject("rules");
        writer.WriteStartArray("rules");
        foreach (var rule in subscription.Rules?.Rules ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("match", rule.Match);
            writer.WriteString("path", rule.Path);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        if (subscription.DeadLetterTopic.Length > 0) writer.WriteString("deadLetterTopic", subscription.DeadLetterTopic);
        writer.WriteString("type", subscription.Type.ToString().ToUpperInvariant());
        writer.WriteEndObject();
    }

    private static void WriteAppConnection(Utf8JsonWriter writer, AppConnectionProperties? app)
    {
        if (app is null) return;
        writer.WriteStartObject("appConnectionProperties");
        if (app.Port > 0) writer.WriteNumber("port", app.Port);
        writer.WriteString("protocol", app.Protocol);
        writer.WriteString("channelAddress", app.ChannelAddress);
        if (app.MaxConcurrency > 0) writer.WriteNumber("maxConcurrency", app.MaxConcurrency);
        if (app.Health is { } health)
        {
            writer.WriteStartObject("health");
            writer.WriteString("healthCheckPath", health.HealthCheckPath);
            writer.WriteString("healthProbeInterval", health.HealthProbeInterval);
            writer.WriteString("healthProbeTimeout", health.HealthProbeTimeout);
            writer.WriteNumber("healthThreshold", health.HealthThreshold);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
