namespace FinFlow.Accounting.Domain;

/// <summary>
/// Raised when input breaks a domain rule. It carries every error found, not only the first,
/// so a caller can report all field errors in one response.
/// </summary>
public sealed class DomainValidationException : Exception
{
    public DomainValidationException()
        : this([])
    {
    }

    public DomainValidationException(string message)
        : this([new ValidationError(string.Empty, message)])
    {
    }

    public DomainValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ValidationError(string.Empty, message)];
    }

    public DomainValidationException(string field, string message)
        : this([new ValidationError(field, message)])
    {
    }

    public DomainValidationException(IReadOnlyList<ValidationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<ValidationError>? errors) =>
        errors is null || errors.Count == 0
            ? "Validation failed."
            : string.Join("; ", errors.Select(e => e.Field.Length == 0 ? e.Message : $"{e.Field}: {e.Message}"));
}
