namespace FinFlow.Payments.Payments;

/// <summary>One page of the caller's payments, newest first.</summary>
public sealed record PaymentPage(IReadOnlyList<PaymentResponse> Items, int Page, int PageSize, long Total);
