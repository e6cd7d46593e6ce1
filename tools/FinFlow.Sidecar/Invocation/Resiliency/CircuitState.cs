namespace FinFlow.Sidecar.Invocation.Resiliency;

public enum CircuitState
{
    Closed,
    Open,
    HalfOpen,
}
