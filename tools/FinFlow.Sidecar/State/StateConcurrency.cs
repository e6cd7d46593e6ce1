namespace FinFlow.Sidecar.State;

/// <summary><c>last-write</c> (the default) or <c>first-write</c>.</summary>
public enum StateConcurrency
{
    LastWrite,
    FirstWrite,
}
