namespace FinFlow.Payments.Idempotency;

/// <summary>This request's lease on its idempotency key ran out and another request took the key over.</summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException()
        : base("The idempotency key's lease was lost to another request.")
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
