namespace FinFlow.Data;

/// <summary>Whether this process has brought its database schema up to date; readiness waits for it.</summary>
public sealed class MigrationStatus
{
    private volatile bool _completed;

    public bool Completed => _completed;

    internal void MarkCompleted() => _completed = true;
}
