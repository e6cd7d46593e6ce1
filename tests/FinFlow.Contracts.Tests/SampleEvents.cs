using FinFlow.Contracts;
using FinFlow.Contracts.Events;

namespace FinFlow.Contracts.Tests;

/// <summary>One realistic instance of every event record, keyed by topic.</summary>
internal static class SampleEvents
{
    private static readonly Guid User = Guid.Parse("5b0f6c1e-8a43-4a3c-9d7e-2f1a6b9c0d11");
    private static readonly Guid Invoice = Guid.Parse("0c9a4f7e-1b2d-4e3f-8a5b-6c7d8e9f0a1b");
    private static readonly Guid Payment = Guid.Parse("7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928");
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    public static IReadOnlyDictionary<string, object> ByTopic { get; } = new Dictionary<string, object>
    {
        [Topics.InvoiceCreated] = new InvoiceCreated(Invoice, User, "Acme GmbH", 1190.50m, "EUR", new DateOnly(2026, 12, 25), InvoiceStatus.Pending, At),
        [Topics.InvoicePaid] = new InvoicePaid(Invoice, User, 1190.50m, 1190.50m, "EUR", At),
        [Topics.PaymentCompleted] = new PaymentCompleted(Payment, Invoice, User, 500.00m, "EUR", 7.55m, "pi_3Nq8abc", At),
        [Topics.PaymentFailed] = new PaymentFailed(Payment, Invoice, User, 500.00m, "EUR", "card_declined", "Your card was declined.", At),
        [Topics.PaymentRefunded] = new PaymentRefunded(Guid.Parse("11111111-2222-4333-8444-555555555555"), Payment, Invoice, User, 20.00m, "EUR", At),
        [Topics.UserDeleted] = new UserDeleted(User, At),
        [Topics.ReconciliationCompleted] = new ReconciliationCompleted(Guid.Parse("99999999-8888-4777-8666-555555555555"), User, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 41, 2, -12.30m, "EUR", At),
        [Topics.CashflowForecast] = new CashflowForecast(User, "EUR", "ensemble", [new ForecastPoint(new DateOnly(2026, 11, 26), 120.5m, 80m, 160m, 60m, 180m)], At),
    };
}
