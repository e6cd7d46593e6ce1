namespace FinFlow.Sidecar.Actors;

/// <summary>
/// Turn-based concurrency for one actor, as daprd's actor lock: calls run one at a time in arrival order.
/// With reentrancy on, a call carrying the <c>Dapr-Reentrancy-Id</c> of a call chain already in the queue
/// joins that chain (so A → B → A does not deadlock), up to the type's maxStackDepth.
/// </summary>
public sealed class ActorTurnLock(bool reentrancyEnabled, int maxStackDepth)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Chain> _chains = new();

    /// <summary>Calls holding or waiting for the turn (a reentrant chain counts each of its nested calls).</summary>
    public int Pending
    {
        get
        {
            lock (_gate) return _chains.Sum(c => c.Depth);
        }
    }

    public async Task<IDisposable> EnterAsync(string? reentrancyId, CancellationToken ct)
    {
        Chain chain;
        lock (_gate)
        {
            chain = (reentrancyEnabled && reentrancyId is not null ? _chains.FirstOrDefault(c => c.Id == reentrancyId) : null)
                ?? Append(reentrancyId);
            if (chain.Depth > 0 && ++chain.Depth > maxStackDepth)
            {
                chain.Depth--;
                throw ActorErrors.StackDepth();
            }

            if (chain.Depth == 0) chain.Depth = 1;
        }

        try
        {
            await chain.Turn.Task.WaitAsync(ct);
        }
        catch
        {
            Leave(chain);
            throw;
        }

        return new Turn(this, chain);
    }

    private Chain Append(string? id)
    {
        var chain = new Chain(id);
        _chains.AddLast(chain);
        if (_chains.Count == 1) chain.Turn.TrySetResult();
        return chain;
    }

    private void Leave(Chain chain)
    {
        lock (_gate)
        {
            if (--chain.Depth > 0) return;
            var wasRunning = _chains.First?.Value == chain;
            _chains.Remove(chain);
            if (wasRunning) _chains.First?.Value.Turn.TrySetResult();
        }
    }

    private sealed class Chain(string? id)
    {
        public string? Id { get; } = id;

        public int Depth { get; set; }

        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Turn(ActorTurnLock owner, Chain chain) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Leave(chain);
        }
    }
}
