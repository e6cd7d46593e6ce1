namespace FinFlow.Sidecar.Components.PostgresState;

/// <summary>The <c>state.postgresql</c> v2 metadata the sidecar acts on.</summary>
public sealed record PostgresStateOptions(string ConnectionString, string TableName, TimeSpan Timeout, TimeSpan? CleanupInterval, bool ActorStateStore);
