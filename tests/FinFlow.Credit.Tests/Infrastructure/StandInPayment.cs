namespace FinFlow.Credit.Tests.Infrastructure;

/// <summary>A payment accounting shows on an invoice: the part applied to it and when it completed.</summary>
public sealed record StandInPayment(decimal Applied, DateTimeOffset CompletedAt);
