using System.Text;
using System.Text.Json;
using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Api.DaprGrpc;
using FinFlow.Sidecar.State;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Primitives;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// The actor RPCs of <c>dapr.proto.runtime.v1.Dapr</c>. Dapr.Actors 1.18.7 itself only speaks HTTP; these serve
/// other clients (e.g. the Dapr.Client gRPC stubs). As in daprd, reminder and timer <c>data</c> bytes are
/// JSON-encoded (a base64 string) before they are stored and delivered.
/// </summary>
public sealed class ActorGrpcHandlers(ActorInvoker invoker, ActorStateApi state, ActorReminders reminders, ActorTimersApi timers)
{
    private static readonly Empty Empty = new();

    public void Map(DaprGrpcMethods grpc)
    {
        grpc.MapUnary<InvokeActorRequest, InvokeActorResponse>("InvokeActor", async (request, call) =>
        {
            var headers = request.Metadata.Select(m => new KeyValuePair<string, StringValues>(m.Key, m.Value)).ToList();
            var reentrancy = request.Metadata.FirstOrDefault(m => string.Equals(m.Key, ActorAppClient.ReentrancyHeader, StringComparison.OrdinalIgnoreCase)).Value;
            using var response = await invoker.InvokeAsync(request.ActorType, request.ActorId, request.Method, request.Data.Memory, "application/json",
                headers, string.IsNullOrEmpty(reentrancy) ? null : reentrancy, call.CancellationToken);
            return new InvokeActorResponse { Data = ByteString.CopyFrom(await response.Content.ReadAsByteArrayAsync(call.CancellationToken)) };
        });

        grpc.MapUnary<GetActorStateRequest, GetActorStateResponse>("GetActorState", async (request, call) =>
        {
            var entry = await state.GetAsync(request.ActorType, request.ActorId, request.Key, call.CancellationToken);
            var response = new GetActorStateResponse();
            if (entry is null) return response;
            response.Data = ByteString.CopyFrom(entry.Value);
            if (entry.ExpiresAt is { } expires) response.Metadata[StateTtl.ExpireTimeKey] = StateTtl.Format(expires);
            return response;
        });

        grpc.MapUnary<ExecuteActorStateTransactionRequest, Empty>("ExecuteActorStateTransaction", async (request, call) =>
        {
            var operations = request.Operations
                .Select(o => new ActorStateOperation(o.OperationType, o.Key, o.Value?.Value.ToByteArray(), null, o.Metadata))
                .ToList();
            await state.TransactAsync(request.ActorType, request.ActorId, operations, call.CancellationToken);
            return Empty;
        });

        grpc.MapUnary<RegisterActorReminderRequest, Empty>("RegisterActorReminder", async (request, call) =>
        {
            await reminders.CreateAsync(request.ActorType, request.ActorId, request.Name, JsonBytes(request.Data), request.DueTime, request.Period,
                request.Ttl, !request.HasOverwrite || request.Overwrite, call.CancellationToken);
            return Empty;
        });

        grpc.MapUnary<UnregisterActorReminderRequest, Empty>("UnregisterActorReminder", async (request, call) =>
        {
            await reminders.DeleteAsync(request.ActorType, request.ActorId, request.Name, call.CancellationToken);
            return Empty;
        });

        grpc.MapUnary<GetActorReminderRequest, GetActorReminderResponse>("GetActorReminder", async (request, call) =>
        {
            var reminder = await reminders.GetAsync(request.ActorType, request.ActorId, request.Name, call.CancellationToken);
            var view = ToProto(reminder);
            var response = new GetActorReminderResponse { ActorType = view.ActorType, ActorId = view.ActorId, Data = view.Data };
            if (view.HasDueTime) response.DueTime = view.DueTime;
            if (view.HasPeriod) response.Period = view.Period;
            if (view.HasTtl) response.Ttl = view.Ttl;
            return response;
        });

        grpc.MapUnary<ListActorRemindersRequest, ListActorRemindersResponse>("ListActorReminders", async (request, call) =>
        {
            var found = await reminders.ListAsync(request.ActorType, request.HasActorId ? request.ActorId : null, call.CancellationToken);
            var response = new ListActorRemindersResponse();
            response.Reminders.Add(found.Select(r => new NamedActorReminder { Name = r.Name, Reminder = ToProto(r) }));
            return response;
        });

        grpc.MapUnary<UnregisterActorRemindersByTypeRequest, UnregisterActorRemindersByTypeResponse>("UnregisterActorRemindersByType", async (request, call) =>
        {
            await reminders.DeleteAllAsync(request.ActorType, request.HasActorId ? request.ActorId : null, call.CancellationToken);
            return new UnregisterActorRemindersByTypeResponse();
        });

        grpc.MapUnary<RegisterActorTimerRequest, Empty>("RegisterActorTimer", async (request, call) =>
        {
            await timers.CreateAsync(request.ActorType, request.ActorId, request.Name, request.Callback, JsonBytes(request.Data), request.DueTime,
                request.Period, request.Ttl, call.CancellationToken);
            return Empty;
        });

        grpc.MapUnary<UnregisterActorTimerRequest, Empty>("UnregisterActorTimer", (request, _) =>
        {
            timers.Delete(request.ActorType, request.ActorId, request.Name);
            return Task.FromResult(Empty);
        });
    }

    private static ActorReminder ToProto(StoredReminder reminder)
    {
        var view = new ActorReminder { ActorType = reminder.ActorType, ActorId = reminder.ActorId };
        if (reminder.DueTime is { } due) view.DueTime = due;
        if (ReminderView.Period(reminder) is { } period) view.Period = period;
        if (ReminderView.Ttl(reminder) is { } ttl) view.Ttl = ttl;
        if (reminder.Data is { } data) view.Data = Any.Pack(new BytesValue { Value = ByteString.CopyFrom(data) });
        return view;
    }

    /// <summary>daprd json.Marshal()s the bytes: a JSON string holding their base64.</summary>
    private static byte[]? JsonBytes(ByteString data) =>
        data.IsEmpty ? null : Encoding.UTF8.GetBytes(JsonSerializer.Serialize(data.ToBase64()));
}
