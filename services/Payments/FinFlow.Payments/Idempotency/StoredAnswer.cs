namespace FinFlow.Payments.Idempotency;

/// <summary>An answer kept under an idempotency key and given again, byte for byte, to a repeated request.</summary>
public sealed record StoredAnswer(int StatusCode, string Body, string ContentType, string? Location);
