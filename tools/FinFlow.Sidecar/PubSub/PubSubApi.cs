using System.Collections.Concurrent;
using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Observability;

namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// The publish side shared by HTTP and gRPC: daprd's validation order and error codes (§3.1), topic
/// scoping, the envelope (§3.2) and bulk publish (§3.3). Also republishes to dead-letter topics.
/// </summary>
public sealed class PubSubApi(SidecarRuntime runtime, ApiMetrics metrics)
{
    private readonly ConcurrentDictionary<string, PubSubScopes> _scopes = new(StringComparer.Ordinal);

    public async Task PublishAsync(PublishRequest request, CancellationToken ct)
    {
        var pubsub = ResolveForPublish(request.PubsubName, request.Topic);
        var data = Encode(request, TraceContext.ChildOf(request.TraceParent));
        await SendAsync(pubsub, request.PubsubName, new PubSubMessage(request.Topic, data, request.Metadata), ct);
    }

    public async Task<IReadOnlyList<BulkPublishFailure>> BulkPublishAsync(
        PublishRequest common, IReadOnlyList<BulkPublishEntry> entries, CancellationToken ct)
    {
        var pubsub = ResolveForPublish(common.PubsubName, common.Topic);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (string.IsNullOrEmpty(entry.EntryId)) throw PubSubErrors.EventsSerialization("entryId is required for every entry of a bulk publish");
            if (!seen.Add(entry.EntryId)) throw PubSubErrors.EventsSerialization($"entryId {entry.EntryId} is duplicated");
        }

        var traceParent = TraceContext.ChildOf(common.TraceParent);
        var messages = entries.Select(entry =>
        {
            var metadata = new Dictionary<string, string>(common.Metadata.ToDictionary(), StringComparer.Ordinal);
            foreach (var (key, value) in entry.Metadata) metadata[key] = value;
            var request = common with { Data = entry.Event, ContentType = entry.ContentType, Metadata = metadata };
            return (entry.EntryId, Message: new PubSubMessage(common.Topic, Encode(request, traceParent), metadata));
        }).ToList();

        var failures = new List<BulkPublishFailure>();
        foreach (var (entryId, message) in messages)
        {
            try
            {
                await SendAsync(pubsub, common.PubsubName, message, ct);
            }
            catch (Api.DaprApiException error)
            {
                failures.Add(new BulkPublishFailure(entryId, error.InnerException?.Message ?? error.Message));
            }
        }

        return failures;
    }

    /// <summary>Sends the original broker message to a dead-letter topic on the same component, as daprd does.</summary>
    public Task RepublishAsync(string pubsubName, string topic, PubSubMessage original, CancellationToken ct)
    {
        var pubsub = Find(pubsubName) ?? throw PubSubErrors.NotFound(pubsubName);
        return SendAsync(pubsub, pubsubName, original with { Topic = topic }, ct);
    }

    public IPubSub? Find(string name) => runtime.Components.PubSubs.GetValueOrDefault(name)?.Instance as IPubSub;

    public PubSubScopes Scopes(string name) =>
        _scopes.GetOrAdd(name, n => new PubSubScopes(runtime.Components.PubSubs[n].Metadata, runtime.Options.AppId));

    private IPubSub ResolveForPublish(string name, string topic)
    {
        if (runtime.Components.PubSubs.Count == 0) throw PubSubErrors.NotConfigured();
        if (string.IsNullOrEmpty(name)) throw PubSubErrors.NameEmpty();
        var pubsub = Find(name) ?? throw PubSubErrors.NotFound(name);
        if (string.IsNullOrEmpty(topic)) throw PubSubErrors.TopicEmpty(name);
        if (!Scopes(name).CanPublish(topic)) throw PubSubErrors.Forbidden(topic, name, runtime.Options.AppId);
        return pubsub;
    }

    private byte[] Encode(PublishRequest request, string traceParent) =>
        CloudEventEnvelope.IsRawPayload(request.Metadata)
            ? request.Data
            : CloudEventEnvelope.Create(request, runtime.Options.AppId, traceParent, DateTimeOffset.UtcNow);

    private async Task SendAsync(IPubSub pubsub, string name, PubSubMessage message, CancellationToken ct)
    {
        try
        {
            await pubsub.PublishAsync(message, ct);
            metrics.RecordPubSubEgress(name, message.Topic, success: true);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            metrics.RecordPubSubEgress(name, message.Topic, success: false);
            throw PubSubErrors.PublishMessage(message.Topic, name, error);
        }
    }
}
