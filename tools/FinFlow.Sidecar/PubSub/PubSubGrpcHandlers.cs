using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Api.DaprGrpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace FinFlow.Sidecar.PubSub;

/// <summary>PublishEvent and BulkPublishEvent (plus its Alpha1 twin, which older SDKs call) on gRPC.</summary>
public static class PubSubGrpcHandlers
{
    public static void Map(DaprGrpcMethods grpc, PubSubApi api)
    {
        grpc.MapUnary<PublishEventRequest, Empty>("PublishEvent", async (request, call) =>
        {
            await api.PublishAsync(
                new PublishRequest(
                    request.PubsubName, request.Topic, request.Data.ToByteArray(),
                    request.DataContentType is { Length: > 0 } type ? type : null,
                    request.Metadata, Header(call, "traceparent"), Header(call, "tracestate")),
                call.CancellationToken);
            return new Empty();
        });

        grpc.MapUnary<BulkPublishRequest, BulkPublishResponse>("BulkPublishEvent", (request, call) => BulkAsync(api, request, call));
        grpc.MapUnary<BulkPublishRequest, BulkPublishResponse>("BulkPublishEventAlpha1", (request, call) => BulkAsync(api, request, call));
    }

    private static async Task<BulkPublishResponse> BulkAsync(PubSubApi api, BulkPublishRequest request, ServerCallContext call)
    {
        var common = new PublishRequest(
            request.PubsubName, request.Topic, [], null, request.Metadata, Header(call, "traceparent"), Header(call, "tracestate"));
        var entries = request.Entries
            .Select(e => new BulkPublishEntry(e.EntryId, e.Event.ToByteArray(), e.ContentType is { Length: > 0 } t ? t : null, e.Metadata))
            .ToList();
        var failures = await api.BulkPublishAsync(common, entries, call.CancellationToken);
        var response = new BulkPublishResponse();
        response.FailedEntries.Add(failures.Select(f => new BulkPublishResponseFailedEntry { EntryId = f.EntryId, Error = f.Error }));
        return response;
    }

    private static string? Header(ServerCallContext call, string name) =>
        call.RequestHeaders.GetValue(name) is { Length: > 0 } value ? value : null;
}
