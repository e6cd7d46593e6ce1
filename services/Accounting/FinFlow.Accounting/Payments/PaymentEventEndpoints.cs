using System.Text.Json;
using Dapr;
using Microsoft.AspNetCore.Http.HttpResults;
using FinFlow.Contracts;
using FinFlow.Contracts.Events;
using Npgsql;

namespace FinFlow.Accounting.Payments;

/// <summary>
/// The pub/sub subscriptions for <c>payment_completed</c> and <c>payment_refunded</c>. They live outside
/// <c>/accounting</c>, so the gateway (which only forwards <c>/api/accounting/**</c> to <c>/accounting/**</c>)
/// cannot reach them, and they refuse service-invocation calls: only the sidecar's pub/sub delivery
/// (guarded by the app token) may post events.
/// </summary>
public static class PaymentEventEndpoints
{
    public const string CompletedPath = "/events/payment-completed";
    public const string RefundedPath = "/events/payment-refunded";

    // Daprd marks service invocation with the caller's app id; pub/sub deliveries carry none.
    private const string CallerAppIdHeader = "dapr-caller-app-id";

    public static IEndpointRouteBuilder MapPaymentEventEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost(CompletedPath, (HttpContext context, NpgsqlDataSource db, ILoggerFactory logs) =>
                HandleAsync<PaymentCompleted>(context, logs, (id, e, ct) => PaymentApplication.ApplyAsync(db, id, e, ct)))
            .WithTopic(Subscription(Topics.PaymentCompleted)).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost(RefundedPath, (HttpContext context, NpgsqlDataSource db, ILoggerFactory logs) =>
                HandleAsync<PaymentRefunded>(context, logs, (id, e, ct) => RefundApplication.ApplyAsync(db, id, e, ct)))
            .WithTopic(Subscription(Topics.PaymentRefunded)).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static TopicOptions Subscription(string topic) =>
        new() { PubsubName = DaprComponents.PubSub, Name = topic, DeadLetterTopic = Topics.DeadLetter(topic) };

    private static async Task<IResult> HandleAsync<TEvent>(
        HttpContext context, ILoggerFactory logs, Func<string, TEvent, CancellationToken, Task<PaymentResult>> apply)
        where TEvent : class, IIntegrationEvent
    {
        var logger = logs.CreateLogger(typeof(PaymentEventEndpoints));
        if (context.Request.Headers.ContainsKey(CallerAppIdHeader))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Events are accepted from pub/sub delivery only.");
        }

        var eventId = context.Request.Headers["Cloudevent.id"].ToString();
        TEvent? message;
        try
        {
            message = await JsonSerializer.DeserializeAsync<TEvent>(context.Request.Body, EventJson.Options, context.RequestAborted);
        }
        catch (JsonException e)
        {
            logger.LogError(e, "Unreadable {Topic} event {EventId}: sent to the dead-letter topic", TEvent.Topic, eventId);
            return Status("DROP");
        }

        if (message is null || string.IsNullOrEmpty(eventId))
        {
            logger.LogError("{Topic} event without data or CloudEvent id: sent to the dead-letter topic", TEvent.Topic);
            return Status("DROP");
        }

        PaymentResult result;
        try
        {
            result = await apply(eventId, message, context.RequestAborted);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
        {
            // A concurrent delivery of the same payment won the race; the retry will see it as a duplicate.
            logger.LogWarning(e, "{Topic} event {EventId} raced another delivery; retrying", TEvent.Topic, eventId);
            return Status("RETRY");
        }

        switch (result.Outcome)
        {
            case PaymentOutcome.Invalid:
                logger.LogError("Invalid {Topic} event {EventId}: {Detail}; sent to the dead-letter topic", TEvent.Topic, eventId, result.Detail);
                return Status("DROP");
            case PaymentOutcome.Retry:
                logger.LogWarning("{Topic} event {EventId} cannot be applied yet: {Detail}", TEvent.Topic, eventId, result.Detail);
                return Status("RETRY");
            case PaymentOutcome.Unmatched:
                logger.LogWarning("{Topic} event {EventId} booked to Suspense: {Detail}", TEvent.Topic, eventId, result.Detail);
                return Status("SUCCESS");
            default:
                logger.LogInformation("{Topic} event {EventId}: {Outcome}", TEvent.Topic, eventId, result.Outcome);
                return Status("SUCCESS");
        }
    }

    private static Ok<DeliveryReply> Status(string status) => TypedResults.Ok(new DeliveryReply(status));
}
