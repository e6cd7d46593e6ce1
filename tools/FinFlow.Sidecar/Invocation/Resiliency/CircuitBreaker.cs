namespace FinFlow.Sidecar.Invocation.Resiliency;

/// <summary>
/// daprd's circuit breaker (gobreaker semantics): closed until the trip condition holds on the consecutive
/// failure count, then open for <c>timeout</c>, then half-open letting <c>maxRequests</c> calls probe; one
/// failure there re-opens it, <c>maxRequests</c> successes close it. <c>interval</c> &gt; 0 clears the closed
/// state's counts periodically.
/// </summary>
public sealed class CircuitBreaker(int maxRequests, TimeSpan interval, TimeSpan openTimeout, Func<long, bool> trip, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly int _maxRequests = Math.Max(1, maxRequests);
    private CircuitState _state = CircuitState.Closed;
    private long _consecutiveFailures;
    private int _halfOpenRequests;
    private int _halfOpenSuccesses;
    private DateTimeOffset _until = DateTimeOffset.MaxValue;

    public CircuitState State
    {
        get
        {
            lock (_lock) return Advance();
        }
    }

    /// <summary>False when the call must be refused without reaching the app.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            switch (Advance())
            {
                case CircuitState.Open:
                    return false;
                case CircuitState.HalfOpen when _halfOpenRequests >= _maxRequests:
                    return false;
                case CircuitState.HalfOpen:
                    _halfOpenRequests++;
                    return true;
                default:
                    return true;
            }
        }
    }

    public void Record(bool success)
    {
        lock (_lock)
        {
            var state = Advance();
            if (success)
            {
                _consecutiveFailures = 0;
                if (state == CircuitState.HalfOpen && ++_halfOpenSuccesses >= _maxRequests) Move(CircuitState.Closed);
                return;
            }

            _consecutiveFailures++;
            if (state == CircuitState.HalfOpen || (state == CircuitState.Closed && trip(_consecutiveFailures))) Move(CircuitState.Open);
        }
    }

    private CircuitState Advance()
    {
        var now = _clock.GetUtcNow();
        if (now < _until) return _state;
        switch (_state)
        {
            case CircuitState.Open:
                Move(CircuitState.HalfOpen);
                break;
            case CircuitState.Closed:
                Move(CircuitState.Closed);
                break;
        }

        return _state;
    }

    private void Move(CircuitState state)
    {
        _state = state;
        _consecutiveFailures = 0;
        _halfOpenRequests = 0;
        _halfOpenSuccesses = 0;
        var now = _clock.GetUtcNow();
        _until = state switch
        {
            CircuitState.Open => now + openTimeout,
            CircuitState.Closed when interval > TimeSpan.Zero => now + interval,
            _ => DateTimeOffset.MaxValue,
        };
    }
}
