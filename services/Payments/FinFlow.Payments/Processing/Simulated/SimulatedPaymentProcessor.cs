using System.Security.Cryptography;
using Dapper;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Payments.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FinFlow.Payments.Processing.Simulated;

/// <summary>
/// A stand-in for Stripe for local runs: it answers Stripe's test payment methods as Stripe's test mode does,
/// but settles asynchronously. A charge records the intent and its (Stripe-shaped) webhook in one
/// transaction; <see cref="SimulatedWebhookDispatcher"/> delivers it, signed, after the settle delay. Keyed
/// by the idempotency key like Stripe, so a repeated charge returns the same intent and sends no second webhook.
/// </summary>
public sealed class SimulatedPaymentProcessor(NpgsqlDataSource db, IOptions<PaymentsOptions> options, TimeProvider time) : IPaymentProcessor
{
    public const string WakeChannel = "finflow_simulated_webhooks";

    private const string InsertIntentSql = """
        INSERT INTO simulated_intents (idempotency_key, intent_id, amount_minor, currency, payment_method, outcome)
        VALUES (@Key, @IntentId, @AmountMinor, @Currency, @PaymentMethod, @Outcome)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING intent_id
        """;

    private const string ExistingIntentSql = "SELECT intent_id FROM simulated_intents WHERE idempotency_key = @Key";

    private const string InsertDeliverySql = """
        INSERT INTO simulated_webhook_deliveries (event_id, intent_id, payload, due_at)
        VALUES (@EventId, @IntentId, @Payload, now() + @Delay);
        NOTIFY finflow_simulated_webhooks;
        """;

    private const string IntentOutcomeSql = "SELECT outcome FROM simulated_intents WHERE intent_id = @IntentId";

    public string Name => PaymentsOptions.SimulatedProcessor;

    public async Task<ProcessorChargeResult> ChargeAsync(ProcessorChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SimulatedTestCards.TryFind(request.PaymentMethod, out var card))
        {
            // Stripe refuses an unknown payment method at once (400 resource_missing) and creates nothing.
            return new ProcessorChargeResult(ProcessorOutcome.Failed, null, null, "resource_missing", $"No such PaymentMethod: '{request.PaymentMethod}'.");
        }

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var intentId = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(InsertIntentSql, new
        {
            Key = request.IdempotencyKey,
            IntentId = $"pi_sim_{RandomId()}",
            AmountMinor = request.Amount.MinorUnits,
            Currency = request.Amount.Currency.Code,
            request.PaymentMethod,
            Outcome = card!.Outcome.ToString(),
        }, transaction, cancellationToken: cancellationToken));
        if (intentId is null)
        {
            intentId = await connection.QuerySingleAsync<string>(new CommandDefinition(ExistingIntentSql, new { Key = request.IdempotencyKey }, transaction, cancellationToken: cancellationToken));
        }
        else
        {
            var eventId = $"evt_sim_{RandomId()}";
            await connection.ExecuteAsync(new CommandDefinition(InsertDeliverySql, new
            {
                EventId = eventId,
                IntentId = intentId,
                Payload = SimulatedEvents.Build(eventId, intentId, request, card, time.GetUtcNow()),
                Delay = TimeSpan.FromMilliseconds(options.Value.Simulated.SettleDelayMilliseconds),
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new ProcessorChargeResult(ProcessorOutcome.Pending, intentId, card.Card);
    }

    public async Task<ProcessorRefundResult> RefundAsync(ProcessorRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var outcome = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            IntentOutcomeSql, new { IntentId = request.ProcessorPaymentId }, cancellationToken: cancellationToken));
        if (outcome != nameof(ProcessorOutcome.Succeeded))
        {
            return new ProcessorRefundResult(false, null, $"PaymentIntent {request.ProcessorPaymentId} has no successful charge to refund.");
        }

        // Derived from our refund id, so asking again for the same refund names the same processor refund.
        return new ProcessorRefundResult(true, $"re_sim_{request.RefundId:N}");
    }

    public Task<long?> FindFeeAsync(string processorPaymentId, Money amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(amount);
        return Task.FromResult<long?>(ProcessingFee.Simulated(amount.MinorUnits, amount.Currency.Exponent));
    }

    private static string RandomId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
