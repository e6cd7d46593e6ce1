using FinFlow.Accounting.Domain;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Contracts.Events;
using FinFlow.Data.Outbox;
using FinFlow.Payments.Audit;
using FinFlow.Payments.Hosting;
using FinFlow.Payments.Payments;
using FinFlow.Payments.Processing;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace FinFlow.Payments.Refunds;

/// <summary>
/// Refunds part or all of a settled payment. The refund is recorded PENDING under the payment's row lock
/// before the processor is asked, so concurrent refunds can never add up to more than was paid; once the
/// processor agrees, the payment's refunded total, its status and the payment_refunded event commit together.
/// </summary>
public sealed class RefundFlow(NpgsqlDataSource db, IPaymentProcessor processor, PaymentViews views, AuditLog audit, TimeProvider time)
{
    public async Task<Results<Created<RefundResponse>, ValidationProblem, ProblemHttpResult>> RefundAsync(
        Guid userId, Guid paymentId, decimal? requested, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = await PaymentStore.GetAsync(db, paymentId, context.RequestAborted);
        if (found is null || found.UserId != userId) return PaymentsProblems.NotFound("The payment");
        var currency = found.Amount.Currency;
        Money? asked = null;
        if (requested is { } value)
        {
            if (value <= 0) return PaymentsProblems.Field("amount", "The amount must be greater than zero.");
            try
            {
                asked = Money.FromDecimal(value, currency, "amount");
            }
            catch (DomainValidationException e)
            {
                return PaymentsProblems.Validation(e.Errors);
            }
        }

        var refundId = Guid.CreateVersion7();
        var createdAt = time.GetUtcNow();
        Money amount;
        PaymentRow payment;
        await using (var connection = await db.OpenConnectionAsync(CancellationToken.None))
        await using (var transaction = await connection.BeginTransactionAsync(CancellationToken.None))
        {
            payment = (await PaymentStore.LockAsync(transaction, paymentId, CancellationToken.None))!;
            if (!PaymentStateMachine.IsRefundable(payment.State))
            {
                await RefuseAsync(userId, paymentId, "not_refundable");
                return PaymentsProblems.Conflict($"A {payment.Status} payment cannot be refunded.", "Only SUCCEEDED and PARTIALLY_REFUNDED payments can be.");
            }

            var pending = await RefundStore.PendingSumAsync(transaction, paymentId, CancellationToken.None);
            var remaining = new Money(payment.AmountMinor - payment.AmountRefundedMinor - pending, currency);
            if (!remaining.IsPositive)
            {
                await RefuseAsync(userId, paymentId, "nothing_left");
                return PaymentsProblems.Conflict("Nothing is left to refund on this payment.");
            }

            amount = asked ?? remaining;
            if (amount.MinorUnits > remaining.MinorUnits)
            {
                await RefuseAsync(userId, paymentId, "exceeds_refundable");
                return PaymentsProblems.Unprocessable("amount", $"At most {remaining} can be refunded.");
            }

            await RefundStore.InsertAsync(transaction, refundId, paymentId, userId, amount.MinorUnits, currency.Code, createdAt, CancellationToken.None);
            await AuditLog.WriteAsync(transaction, AuditActions.Refund, "requested", userId, paymentId,
                new { refundId, amount = amount.ToString() }, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        ProcessorRefundResult result;
        try
        {
            result = await processor.RefundAsync(new ProcessorRefundRequest(refundId, paymentId, payment.ProcessorPaymentId!, amount), CancellationToken.None);
        }
        catch (ProcessorUnavailableException e)
        {
            await RefundStore.MarkFailedAsync(db, refundId, null, e.Message);
            await RefuseAsync(userId, paymentId, "processor_unavailable");
            return PaymentsProblems.Unavailable(context, "The payment processor is unavailable.", "The refund was not made; try again later.");
        }

        if (!result.Succeeded)
        {
            await RefundStore.MarkFailedAsync(db, refundId, result.ProcessorRefundId, result.FailureMessage);
            await RefuseAsync(userId, paymentId, "processor_refused");
            return PaymentsProblems.Conflict("The payment processor refused the refund.", result.FailureMessage);
        }

        await using (var connection = await db.OpenConnectionAsync(CancellationToken.None))
        await using (var transaction = await connection.BeginTransactionAsync(CancellationToken.None))
        {
            payment = (await PaymentStore.LockAsync(transaction, paymentId, CancellationToken.None))!;
            payment.AmountRefundedMinor += amount.MinorUnits;
            payment.Status = PaymentStateMachine.ToCode(payment.AmountRefundedMinor == payment.AmountMinor ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded);
            await PaymentStore.SaveAsync(transaction, payment, CancellationToken.None);
            await RefundStore.MarkSucceededAsync(transaction, refundId, result.ProcessorRefundId, CancellationToken.None);
            await OutboxWriter.EnqueueAsync(transaction, new PaymentRefunded(
                refundId, paymentId, payment.InvoiceId, userId, amount.ToDecimal(), currency.Code, time.GetUtcNow()), CancellationToken.None);
            await AuditLog.WriteAsync(transaction, AuditActions.Refund, "succeeded", userId, paymentId,
                new { refundId, amount = amount.ToString(), result.ProcessorRefundId }, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        var response = new RefundResponse(refundId, paymentId, amount.ToDecimal(), currency.Code, "SUCCEEDED", result.ProcessorRefundId, createdAt, views.From(payment));
        return TypedResults.Created($"/payments/{paymentId}", response);
    }

    private Task RefuseAsync(Guid userId, Guid paymentId, string outcome) =>
        audit.WriteAsync(AuditActions.Refund, outcome, userId, paymentId, null, CancellationToken.None);
}
