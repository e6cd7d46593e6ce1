namespace FinFlow.Sidecar.Invocation;

/// <summary>The callee's response plus the resiliency deadline that must keep bounding its body copy.</summary>
public sealed class InvocationResult(HttpResponseMessage response, CancellationTokenSource? deadline) : IDisposable
{
    public HttpResponseMessage Response { get; } = response;

    /// <summary>The caller's token when no timeout policy applies.</summary>
    public CancellationToken Token(CancellationToken caller) => deadline?.Token ?? caller;

    public void Dispose()
    {
        Response.Dispose();
        deadline?.Dispose();
    }
}
