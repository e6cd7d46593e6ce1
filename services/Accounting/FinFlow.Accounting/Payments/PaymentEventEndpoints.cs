using FinFlow.Contracts.Events;
using FinFlow.ServiceDefaults.Events;
using Npgsql;

namespace FinFlow.Accounting.Payments;

/// <summary>
/// The pub/sub subscriptions for <c>payment_completed</c> and <c>payment_refunded</c> (under <c>/events</c>, out
/// of the gateway's reach; only pub/sub delivery may post them). Outcomes map to Dapr's answers: applied,
/// unmatched and duplicate acknowledge; "not yet" retries; malformed goes to the dead-letter topic.
/// </summary>
public static class PaymentEventEndpoints
{
    public const string CompletedPath = "/events/payment-completed";
    public const string RefundedPath = "/events/payment-refunded";

    public static IEndpointRouteBuilder MapPaymentEventEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapEventSubscription<PaymentCompleted>(CompletedPath, (services, id, e, ct) =>
            HandleAsync(services, PaymentCompleted.Topic, id, db => PaymentApplication.ApplyAsync(db, id, e, ct)));
        routes.MapEventSubscription<PaymentRefunded>(RefundedPath, (services, id, e, ct) =>
            HandleAsync(services, PaymentRefunded.Topic, id, db => RefundApplication.ApplyAsync(db, id, e, ct)));
        return routes;
    }

    private static async Task<DeliveryVerdict> HandleAsync(IServiceProvider services, string topic, string eventId, Func<NpgsqlDataSource, Task<PaymentResult>> apply)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PaymentEventEndpoints));
        PaymentResult result;
        try
        {
            result = await apply(services.GetRequiredService<NpgsqlDataSource>());
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
        {
            // A concurrent delivery of the same payment won the race; the retry will see it as a duplicate.
            logger.LogWarning(e, "{Topic} event {EventId} raced another delivery; retrying", topic, eventId);
            return DeliveryVerdict.Retry;
        }

        switch (result.Outcome)
        {
            case PaymentOutcome.Invalid:
                logger.LogError("Invalid {Topic} event {EventId}: {Detail}; sent to the dead-letter topic", topic, eventId, result.Detail);
                return DeliveryVerdict.Drop;
            case PaymentOutcome.Retry:
                logger.LogWarning("{Topic} event {EventId} cannot be applied yet: {Detail}", topic, eventId, result.Detail);
                return DeliveryVerdict.Retry;
            case PaymentOutcome.Unmatched:
                logger.LogWarning("{Topic} event {EventId} booked to Suspense: {Detail}", topic, eventId, result.Detail);
                return DeliveryVerdict.Success;
            default:
                logger.LogInformation("{Topic} event {EventId}: {Outcome}", topic, eventId, result.Outcome);
                return DeliveryVerdict.Success;
        }
    }
}
