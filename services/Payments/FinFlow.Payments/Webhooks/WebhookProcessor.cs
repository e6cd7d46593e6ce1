using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Data.Inbox;
using FinFlow.Payments.Audit;
using FinFlow.Payments.Payments;
using FinFlow.Payments.Processing;
using FinFlow.Payments.Processing.StripeAdapter;
using Npgsql;
using Stripe;

namespace FinFlow.Payments.Webhooks;

/// <summary>
/// Applies a verified processor event. The event id is claimed in the inbox in the same transaction as the
/// payment's change, so a redelivered event does nothing; the payment row is locked, and an event that
/// would move it backwards (a late <c>processing</c> or <c>payment_failed</c> after <c>succeeded</c>) is
/// acknowledged without effect. Unknown event types are acknowledged too, so the processor stops resending.
/// </summary>
public sealed partial class WebhookProcessor(
    NpgsqlDataSource db, IPaymentProcessor processor, AuditLog audit, TimeProvider time, ILogger<WebhookProcessor> logger)
{
    public const string InboxConsumer = "payments-webhook";

    public async Task<WebhookOutcome> ApplyAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        if (stripeEvent.Data?.Object is not PaymentIntent intent || !TryOutcome(stripeEvent.Type, out var outcome))
        {
            LogUnhandled(logger, stripeEvent.Id, stripeEvent.Type);
            await audit.WriteAsync(AuditActions.Webhook, Describe(WebhookOutcome.UnhandledType), null, null, Detail(stripeEvent), cancellationToken);
            return WebhookOutcome.UnhandledType;
        }

        // The fee lookup may call the processor: done before the transaction, never while holding the row lock.
        long? fee = outcome == ProcessorOutcome.Succeeded && Currency.TryFromCode(intent.Currency?.ToUpperInvariant(), out var currency)
            ? await processor.FindFeeAsync(intent.Id, new Money(intent.Amount, currency!), cancellationToken)
            : null;

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await EventInbox.TryClaimAsync(transaction, stripeEvent.Id, InboxConsumer, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            await audit.WriteAsync(AuditActions.Webhook, Describe(WebhookOutcome.Duplicate), null, null, Detail(stripeEvent), cancellationToken);
            return WebhookOutcome.Duplicate;
        }

        var paymentId = await FindPaymentAsync(transaction, intent, cancellationToken);
        var payment = paymentId is { } id ? await PaymentStore.LockAsync(transaction, id, cancellationToken) : null;
        WebhookOutcome result;
        if (payment is null || (payment.ProcessorPaymentId is { } known && known != intent.Id))
        {
            LogUnknownPayment(logger, stripeEvent.Id, intent.Id);
            result = WebhookOutcome.UnknownPayment;
        }
        else
        {
            // The webhook can overtake the charge's own bookkeeping: the intent id then arrives here first.
            payment.ProcessorPaymentId ??= intent.Id;
            var error = intent.LastPaymentError;
            var failureCode = stripeEvent.Type == "payment_intent.canceled" ? "canceled" : StripeIntents.FailureCode(error);
            var applied = await PaymentSettlement.ApplyAsync(transaction, payment, outcome, failureCode, error?.Message ?? intent.CancellationReason, fee,
                time.GetUtcNow(), $"webhook {stripeEvent.Type}", cancellationToken);
            if (!applied)
            {
                await PaymentStore.SaveAsync(transaction, payment, cancellationToken);
                LogNoChange(logger, stripeEvent.Id, stripeEvent.Type, payment.Id, payment.Status);
            }

            result = applied ? WebhookOutcome.Applied : WebhookOutcome.NoChange;
        }

        await AuditLog.WriteAsync(transaction, AuditActions.Webhook, Describe(result), payment?.UserId, payment?.Id,
            new { eventId = stripeEvent.Id, type = stripeEvent.Type, intentId = intent.Id }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public static string Describe(WebhookOutcome outcome) => outcome switch
    {
        WebhookOutcome.Applied => "applied",
        WebhookOutcome.Duplicate => "duplicate",
        WebhookOutcome.NoChange => "no_change",
        WebhookOutcome.UnhandledType => "unhandled_type",
        WebhookOutcome.UnknownPayment => "unknown_payment",
        _ => outcome.ToString(),
    };

    /// <summary>The PaymentIntent events this service acts on; <c>processing</c> and <c>created</c> carry no state worth recording.</summary>
    private static bool TryOutcome(string type, out ProcessorOutcome outcome)
    {
        switch (type)
        {
            case "payment_intent.succeeded":
                outcome = ProcessorOutcome.Succeeded;
                return true;
            case "payment_intent.payment_failed" or "payment_intent.canceled":
                outcome = ProcessorOutcome.Failed;
                return true;
            case "payment_intent.requires_action":
                outcome = ProcessorOutcome.RequiresAction;
                return true;
            case "payment_intent.processing" or "payment_intent.created" or "payment_intent.amount_capturable_updated":
                outcome = ProcessorOutcome.Pending;
                return true;
            default:
                outcome = default;
                return false;
        }
    }

    private static async Task<Guid?> FindPaymentAsync(NpgsqlTransaction transaction, PaymentIntent intent, CancellationToken cancellationToken)
    {
        if (intent.Metadata is not null && intent.Metadata.TryGetValue(ProcessorMetadata.PaymentId, out var raw) && Guid.TryParse(raw, out var id)) return id;
        return string.IsNullOrEmpty(intent.Id) ? null : await PaymentStore.FindByProcessorIdAsync(transaction, intent.Id, cancellationToken);
    }

    private static object Detail(Event stripeEvent) => new { eventId = stripeEvent.Id, type = stripeEvent.Type };

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {EventId} of type {EventType} acknowledged without action")]
    private static partial void LogUnhandled(ILogger logger, string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventId} names PaymentIntent {IntentId}, which matches no payment")]
    private static partial void LogUnknownPayment(ILogger logger, string eventId, string intentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {EventId} ({EventType}) leaves payment {PaymentId} {Status}: already there or past it")]
    private static partial void LogNoChange(ILogger logger, string eventId, string eventType, Guid paymentId, string status);
}
