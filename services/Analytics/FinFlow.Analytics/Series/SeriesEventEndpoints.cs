using FinFlow.Contracts.Events;
using FinFlow.Data.Inbox;
using FinFlow.ServiceDefaults.Events;
using Npgsql;

namespace FinFlow.Analytics.Series;

/// <summary>
/// Keeps each user's daily series from <c>payment_completed</c> (cash received, net of the processor's fee)
/// and <c>invoice_created</c> (amount invoiced), each applied once through the inbox; then drops the user's
/// cached forecast and asks the refresher to look at the user again.
/// </summary>
public static class SeriesEventEndpoints
{
    public static IEndpointRouteBuilder MapSeriesEventEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapEventSubscription<PaymentCompleted>("/events/payment-completed", (services, id, e, ct) =>
            RecordAsync(services, id, "analytics/payment_completed", e.UserId, e.Currency, DateOnly.FromDateTime(e.CompletedAt.UtcDateTime), e.Amount - (e.Fee ?? 0m), 0m, ct));
        routes.MapEventSubscription<InvoiceCreated>("/events/invoice-created", (services, id, e, ct) =>
            RecordAsync(services, id, "analytics/invoice_created", e.UserId, e.Currency, DateOnly.FromDateTime(e.CreatedAt.UtcDateTime), 0m, e.Amount, ct));
        return routes;
    }

    private static async Task<DeliveryVerdict> RecordAsync(
        IServiceProvider services, string eventId, string consumer, Guid userId, string currency, DateOnly day, decimal received, decimal invoiced, CancellationToken cancellationToken)
    {
        if (userId == Guid.Empty || currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper)) return DeliveryVerdict.Drop;
        var db = services.GetRequiredService<NpgsqlDataSource>();
        await using (var connection = await db.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            if (!await EventInbox.TryClaimAsync(transaction, eventId, consumer, cancellationToken)) return DeliveryVerdict.Success;
            await SeriesStore.AddAsync(transaction, userId, currency, day, received, invoiced, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await services.GetRequiredService<ForecastCache>().InvalidateAsync(userId, cancellationToken);
        return DeliveryVerdict.Success;
    }
}
