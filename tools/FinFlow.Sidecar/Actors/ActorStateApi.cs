using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Resources;
using FinFlow.Sidecar.State;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// Actor state in the actor state store (daprd actors/state): keys <c>appid||type||id||key</c>, reads of any
/// actor, and transactions only for an active actor (400 ERR_ACTOR_INSTANCE_MISSING otherwise), applied with
/// the store's atomic ExecuteAsync. <c>ttlInSeconds</c> needs the <c>ActorStateTTL</c> feature, as in daprd.
/// </summary>
public sealed class ActorStateApi(ActorHosting hosting, ActorTable table, ConfigurationDefinition configuration)
{
    private readonly bool _ttlEnabled = configuration.Features.TryGetValue("ActorStateTTL", out var enabled) && enabled;

    public async Task<StateEntry?> GetAsync(string actorType, string actorId, string key, CancellationToken ct)
    {
        var store = hosting.StateStore ?? throw ActorErrors.RuntimeNotFound();
        try
        {
            return await store.GetAsync(hosting.StateKey(actorType, actorId, key), ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw ActorErrors.StateGet(error);
        }
    }

    public async Task TransactAsync(string actorType, string actorId, IReadOnlyList<ActorStateOperation> operations, CancellationToken ct)
    {
        var store = hosting.StateStore ?? throw ActorErrors.RuntimeNotFound();
        if (!table.IsActive(actorType, actorId)) throw ActorErrors.InstanceMissing();
        var steps = new List<StateOperation>(operations.Count);
        foreach (var operation in operations) steps.Add(ToStep(actorType, actorId, operation));
        if (steps.Count == 0) return;
        try
        {
            await store.ExecuteAsync(steps, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw ActorErrors.StateTransaction(error.Message, error);
        }
    }

    private StateOperation ToStep(string actorType, string actorId, ActorStateOperation operation)
    {
        if (string.IsNullOrEmpty(operation.Operation)) throw ActorErrors.StateTransaction("operation is empty");
        if (string.IsNullOrEmpty(operation.Key)) throw ActorErrors.StateTransaction("missing key");
        var key = hosting.StateKey(actorType, actorId, operation.Key);
        var etag = string.IsNullOrEmpty(operation.ETag) ? null : operation.ETag;
        switch (operation.Operation)
        {
            case "upsert":
                if (!_ttlEnabled && operation.Metadata.ContainsKey(StateTtl.MetadataKey))
                {
                    throw ActorErrors.StateTransaction("ttlInSeconds is not supported without the \"ActorStateTTL\" feature enabled");
                }

                int? ttl;
                try
                {
                    ttl = StateTtl.Parse(operation.Metadata);
                }
                catch (FormatException error)
                {
                    throw ActorErrors.StateTransaction(error.Message, error);
                }

                return new StateOperation(new StateSetRequest(key, operation.Value ?? "null"u8.ToArray(), etag, StateConcurrency.LastWrite, ttl), null);
            case "delete":
                return new StateOperation(null, new StateDeleteRequest(key, etag, StateConcurrency.LastWrite));
            default:
                throw ActorErrors.StateTransaction($"operation type {operation.Operation} not supported");
        }
    }
}
