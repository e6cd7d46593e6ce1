namespace FinFlow.Credit.Assessment.Books;

/// <summary>A payment applied to an invoice: how much of it settled the invoice, and when it completed.</summary>
public sealed record AccountingPayment(decimal Applied, DateTimeOffset CompletedAt);
