namespace FinFlow.Payments.Charges;

/// <summary>The <c>Idempotency-Key</c> request header: required on charges, 1 to 255 visible ASCII characters (Stripe's limit).</summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>How validation errors name the header, in the API's camelCase.</summary>
    public const string Field = "idempotencyKey";
    public const int MaxLength = 255;

    /// <summary>The key, or null with the reason it is not acceptable.</summary>
    public static string? Read(HttpRequest request, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Headers[Name];
        problem = null;
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            problem = "The Idempotency-Key header is required: send a unique value (a UUID) per charge and reuse it when retrying.";
            return null;
        }

        var key = values[0]!;
        if (values.Count > 1 || key.Length > MaxLength || key.Any(c => c is < '!' or > '~'))
        {
            problem = $"The Idempotency-Key must be one value of 1 to {MaxLength} visible ASCII characters.";
            return null;
        }

        return key;
    }
}
