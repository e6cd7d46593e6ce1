namespace FinFlow.Payments.Idempotency;

public enum ClaimStatus
{
    /// <summary>This request owns the key (new, or taken over from a request whose lease ran out): do the work.</summary>
    Owner,

    /// <summary>The key's first request finished: give its answer again.</summary>
    Replay,

    /// <summary>The key was used with a different body: 422.</summary>
    Mismatch,

    /// <summary>Another request with the key is still working after the wait: 409.</summary>
    InFlight,
}
