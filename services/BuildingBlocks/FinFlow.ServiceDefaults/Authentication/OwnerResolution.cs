namespace FinFlow.ServiceDefaults.Authentication;

/// <summary>The outcome of <see cref="FinFlowUser.ResolveOwner"/>: whose data the request may read, or why not.</summary>
public enum OwnerResolution
{
    Resolved,
    Unauthenticated,
    Forbidden,
}
