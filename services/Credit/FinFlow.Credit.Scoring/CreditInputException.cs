namespace FinFlow.Credit.Scoring;

/// <summary>
/// Raised for missing or impossible scoring inputs. <see cref="Errors"/> maps each offending field (camelCase,
/// as in the request body) to its messages, ready for an RFC 7807 validation problem.
/// </summary>
public sealed class CreditInputException : ArgumentException
{
    public CreditInputException()
        : this(new Dictionary<string, string[]>())
    {
    }

    public CreditInputException(string message)
        : base(message)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public CreditInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public CreditInputException(IReadOnlyDictionary<string, string[]> errors)
        : base(Describe(errors), errors?.Keys.FirstOrDefault())
    {
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The errors without ArgumentException's "(Parameter …)" suffix: the field names are already in it.</summary>
    public override string Message => Errors.Count == 0 ? base.Message : Describe(Errors);

    /// <summary>The first offending field.</summary>
    public string? Field => ParamName;

    private static string Describe(IReadOnlyDictionary<string, string[]>? errors) =>
        errors is null || errors.Count == 0
            ? "Invalid credit scoring input."
            : string.Join("; ", errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"));
}
