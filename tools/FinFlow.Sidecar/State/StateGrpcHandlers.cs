using System.Text.Json;
using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Api.DaprGrpc;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ConcurrencyOption = Dapr.Client.Autogen.Grpc.v1.StateOptions.Types.StateConcurrency;

namespace FinFlow.Sidecar.State;

/// <summary>The gRPC state RPCs of <c>dapr.proto.runtime.v1.Dapr</c> (contract §2.2).</summary>
public static class StateGrpcHandlers
{
    private static readonly Empty Empty = new();

    public static void Map(DaprGrpcMethods grpc, StateApi api)
    {
        grpc.MapUnary<GetStateRequest, GetStateResponse>("GetState", async (request, call) =>
        {
            var entry = await api.GetAsync(request.StoreName, request.Key, call.CancellationToken);
            var response = new GetStateResponse();
            if (entry is null) return response;
            response.Data = ByteString.CopyFrom(entry.Value);
            response.Etag = entry.ETag;
            if (entry.ExpiresAt is { } expires) response.Metadata[StateTtl.ExpireTimeKey] = StateTtl.Format(expires);
            return response;
        });

        grpc.MapUnary<GetBulkStateRequest, GetBulkStateResponse>("GetBulkState", async (request, call) =>
        {
            var results = await api.BulkGetAsync(request.StoreName, [.. request.Keys], call.CancellationToken);
            var response = new GetBulkStateResponse();
            foreach (var result in results)
            {
                var item = new BulkStateItem { Key = result.Key, Error = result.Error ?? "" };
                if (result.Entry is { } entry)
                {
                    item.Data = ByteString.CopyFrom(entry.Value);
                    item.Etag = entry.ETag;
                    if (entry.ExpiresAt is { } expires) item.Metadata[StateTtl.ExpireTimeKey] = StateTtl.Format(expires);
                }

                response.Items.Add(item);
            }

            return response;
        });

        grpc.MapUnary<SaveStateRequest, Empty>("SaveState", async (request, call) =>
        {
            await api.SaveAsync(request.StoreName, [.. request.States.Select(ToSaveItem)], call.CancellationToken);
            return Empty;
        });

        grpc.MapUnary<DeleteStateRequest, Empty>("DeleteState", async (request, call) =>
        {
            var item = new StateDeleteItem(request.Key, request.Etag?.Value, Concurrency(request.Options));
            await api.DeleteAsync(request.StoreName, [item], call.CancellationToken);
            return Empty;
        });

        grpc.MapUnary<DeleteBulkStateRequest, Empty>("DeleteBulkState", async (request, call) =>
        {
            var items = request.States.Select(s => new StateDeleteItem(s.Key, s.Etag?.Value, Concurrency(s.Options))).ToList();
            await api.DeleteAsync(request.StoreName, items, call.CancellationToken);
            return Empty;
        });

        grpc.MapUnary<ExecuteStateTransactionRequest, Empty>("ExecuteStateTransaction", async (request, call) =>
        {
            var steps = request.Operations.Select(o => (o.OperationType, ToSaveItem(o.Request ?? new StateItem()))).ToList();
            await api.TransactAsync(request.StoreName, steps, grpc: true, call.CancellationToken);
            return Empty;
        });
    }

    private static StateSaveItem ToSaveItem(StateItem item)
    {
        var value = item.Value.ToByteArray();
        // daprd parses application/json values before storing them; a value that is not JSON is rejected.
        if (item.Metadata.TryGetValue("contentType", out var contentType) && contentType == "application/json" && value.Length > 0)
        {
            try
            {
                using var _ = JsonDocument.Parse(value);
            }
            catch (JsonException error)
            {
                throw DaprErrors.MalformedRequest($"state value for key {item.Key} is not valid JSON: {error.Message}");
            }
        }

        return new StateSaveItem(item.Key, value, item.Etag?.Value, Concurrency(item.Options), item.Metadata);
    }

    private static StateConcurrency Concurrency(StateOptions? options) =>
        options?.Concurrency == ConcurrencyOption.ConcurrencyFirstWrite ? StateConcurrency.FirstWrite : StateConcurrency.LastWrite;
}
