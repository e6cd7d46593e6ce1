namespace FinFlow.Credit.Tests.Infrastructure;

/// <summary>An invoice as accounting would answer it (the overdue flag is accounting's, so the stand-in is told it).</summary>
public sealed record StandInInvoice(
    Guid Id, decimal Amount, DateOnly DueDate, string Status, decimal AmountPaid, DateTimeOffset CreatedAt, bool Overdue, IReadOnlyList<StandInPayment> Payments)
{
    public static StandInInvoice Pending(DateTimeOffset created, DateOnly due, bool overdue = false, decimal amount = 1000m) =>
        new(Guid.NewGuid(), amount, due, "PENDING", 0m, created, overdue, []);

    public static StandInInvoice Paid(DateTimeOffset created, DateOnly due, params StandInPayment[] payments) =>
        new(Guid.NewGuid(), payments.Sum(p => p.Applied), due, "PAID", payments.Sum(p => p.Applied), created, false, payments);

    public static StandInInvoice Void(DateTimeOffset created, DateOnly due) => new(Guid.NewGuid(), 500m, due, "VOID", 0m, created, false, []);
}
