using System.Collections.Concurrent;

namespace FinFlow.Sidecar.Workflow.Engine;

/// <summary>Wakes the WaitForInstance* calls of an instance whenever one of its turns commits.</summary>
public sealed class InstanceSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    public Task NextChange(string instanceId) =>
        _waiters.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Changed(string instanceId)
    {
        if (_waiters.TryRemove(instanceId, out var waiter)) waiter.TrySetResult();
    }
}
