namespace FinFlow.Analytics.Forecasting.Api;

/// <summary>
/// Bad forecast input. Errors maps each offending field, named as in the request body (camelCase, e.g.
/// <c>historical[3].ds</c>, <c>horizon</c>), to its messages: the shape of a 400 problem-details answer.
/// </summary>
public sealed class ForecastValidationException : ArgumentException
{
    public ForecastValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), errors.Keys.First())
    {
        Errors = errors;
    }

    public ForecastValidationException()
        : this(new Dictionary<string, string[]> { ["request"] = ["invalid forecast request"] })
    {
    }

    public ForecastValidationException(string message)
        : this(new Dictionary<string, string[]> { ["request"] = [message] })
    {
    }

    public ForecastValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]> { ["request"] = [message] };
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The first offending field.</summary>
    public string Field => ParamName ?? Errors.Keys.First();
}
