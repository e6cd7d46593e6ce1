namespace FinFlow.Payments.Processing;

/// <summary>
/// The processor could not be reached or asked us to back off (network error, 429, 5xx). The outcome of
/// the call is unknown; repeating it with the same idempotency key is safe.
/// </summary>
public sealed class ProcessorUnavailableException : Exception
{
    public ProcessorUnavailableException()
    {
    }

    public ProcessorUnavailableException(string message)
        : base(message)
    {
    }

    public ProcessorUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
