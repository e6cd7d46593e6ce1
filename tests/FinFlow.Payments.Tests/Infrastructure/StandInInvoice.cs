namespace FinFlow.Payments.Tests.Infrastructure;

/// <summary>An invoice the accounting stand-in serves, in accounting's JSON shape.</summary>
public sealed record StandInInvoice(Guid Id, Guid UserId, decimal Amount, string Currency, string Status = "PENDING", decimal AmountPaid = 0m);
