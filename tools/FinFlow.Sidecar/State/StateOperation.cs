namespace FinFlow.Sidecar.State;

/// <summary>One step of a transaction: exactly one of <see cref="Upsert"/> and <see cref="Delete"/> is set.</summary>
public sealed record StateOperation(StateSetRequest? Upsert, StateDeleteRequest? Delete)
{
    public string Key => Upsert?.Key ?? Delete!.Key;
}
