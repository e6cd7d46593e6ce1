using FinFlow.Sidecar.Components;
using FinFlow.Sidecar.Components.PostgresState;
using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.State;
using Npgsql;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// Which actor types this sidecar hosts. Locally there is no placement service: the app whose
/// <c>/dapr/config</c> lists a type hosts every id of it. Without an actor state store daprd suspends
/// hosting, and so does this sidecar: no type is hosted then.
/// </summary>
public sealed class ActorHosting(SidecarOptions options, ComponentCatalog catalog)
{
    private readonly TaskCompletionSource<ActorHostConfig> _config = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string AppId { get; } = options.AppId;

    public string? StateStoreName { get; } = catalog.ActorStateStore?.Definition.Name;

    public IStateStore? StateStore { get; } = catalog.ActorStateStore?.Instance as IStateStore;

    /// <summary>The actor state store's database when it is PostgreSQL: where durable reminders live.</summary>
    public NpgsqlDataSource? Database { get; } = (catalog.ActorStateStore?.Instance as PostgresStateStore)?.DataSource;

    /// <summary>The app's configuration once read (empty until then, and for an app without actors).</summary>
    public ActorHostConfig Config => _config.Task.IsCompletedSuccessfully ? _config.Task.Result : ActorHostConfig.Empty;

    public Task<ActorHostConfig> Loaded => _config.Task;

    public void SetConfig(ActorHostConfig config) => _config.TrySetResult(config);

    /// <summary>Waits (bounded) for /dapr/config: a call that arrives while the app is still starting should not be refused.</summary>
    public async Task<ActorHostConfig> ConfigAsync(CancellationToken ct)
    {
        if (_config.Task.IsCompleted) return await _config.Task;
        try
        {
            return await _config.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        }
        catch (TimeoutException)
        {
            return ActorHostConfig.Empty;
        }
    }

    public async Task<bool> IsHostedAsync(string actorType, CancellationToken ct) =>
        StateStore is not null && (await ConfigAsync(ct)).Hosts(actorType);

    /// <summary>daprd's state key: <c>appid||type||id||key</c>.</summary>
    public string StateKey(string actorType, string actorId, string key) => $"{AppId}||{actorType}||{actorId}||{key}";
}
