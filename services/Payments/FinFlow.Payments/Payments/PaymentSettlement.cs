using FinFlow.Contracts.Events;
using FinFlow.Data.Outbox;
using FinFlow.Payments.Audit;
using FinFlow.Payments.Processing;
using Npgsql;

namespace FinFlow.Payments.Payments;

/// <summary>
/// Moves a locked payment to the state the processor reported, in the caller's transaction, together with
/// its outbox event and audit row: a payment is SUCCEEDED exactly when its payment_completed is queued.
/// Whoever learns the outcome first (the charge's own answer or the webhook) applies it; the other finds
/// the payment already there, or past it, and changes nothing.
/// </summary>
public static class PaymentSettlement
{
    public static async Task<bool> ApplyAsync(
        NpgsqlTransaction transaction, PaymentRow payment, ProcessorOutcome outcome, string? failureCode, string? failureMessage, long? feeMinor,
        DateTimeOffset now, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(payment);
        PaymentStatus? target = outcome switch
        {
            ProcessorOutcome.Succeeded => PaymentStatus.Succeeded,
            ProcessorOutcome.Failed => PaymentStatus.Failed,
            ProcessorOutcome.RequiresAction => PaymentStatus.RequiresAction,
            _ => null,
        };
        var current = payment.State;
        if (target is not { } next || current == next || !PaymentStateMachine.CanMove(current, next)) return false;

        payment.Status = PaymentStateMachine.ToCode(next);
        var amount = payment.Amount;
        switch (next)
        {
            case PaymentStatus.Succeeded:
                payment.FeeMinor = feeMinor;
                payment.CompletedAt = now.UtcDateTime;
                await OutboxWriter.EnqueueAsync(transaction, new PaymentCompleted(
                    payment.Id, payment.InvoiceId, payment.UserId, amount.ToDecimal(), amount.Currency.Code,
                    feeMinor is { } fee ? new Accounting.Domain.Monetary.Money(fee, amount.Currency).ToDecimal() : null,
                    payment.ProcessorPaymentId ?? payment.Id.ToString(), now), cancellationToken);
                break;
            case PaymentStatus.Failed:
                payment.FailureCode = failureCode ?? "payment_failed";
                payment.FailureMessage = failureMessage;
                payment.CompletedAt = now.UtcDateTime;
                await OutboxWriter.EnqueueAsync(transaction, new PaymentFailed(
                    payment.Id, payment.InvoiceId, payment.UserId, amount.ToDecimal(), amount.Currency.Code,
                    payment.FailureCode, failureMessage, now), cancellationToken);
                break;
        }

        await PaymentStore.SaveAsync(transaction, payment, cancellationToken);
        await AuditLog.WriteAsync(transaction, AuditActions.Settlement, PaymentStateMachine.ToCode(next).ToLowerInvariant(), payment.UserId, payment.Id,
            new { source, payment.ProcessorPaymentId, payment.FailureCode }, cancellationToken);
        return true;
    }
}
