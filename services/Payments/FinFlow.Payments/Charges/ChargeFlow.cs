using FinFlow.Accounting.Domain;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Contracts.Events;
using FinFlow.Payments.Audit;
using FinFlow.Payments.CardData;
using FinFlow.Payments.Idempotency;
using FinFlow.Payments.Invoices;
using FinFlow.Payments.Payments;
using FinFlow.Payments.Processing;
using Npgsql;

namespace FinFlow.Payments.Charges;

/// <summary>
/// Charges an invoice exactly once per idempotency key: claim the key, check with accounting what the
/// invoice still owes, record the PENDING payment (under the invoice's lock, linked to the key), ask the
/// processor, record its answer. A crash anywhere leaves either nothing, or a payment the key leads back
/// to, whose processor call is repeated with the same processor idempotency key when the client retries.
/// </summary>
public sealed partial class ChargeFlow(
    NpgsqlDataSource db, IdempotencyStore keys, AccountingInvoices accounting, IPaymentProcessor processor, CardDataProtector cards,
    PaymentViews views, AuditLog audit, TimeProvider time, ILogger<ChargeFlow> logger)
{
    public async Task<ChargeAnswer> ChargeAsync(Guid userId, string bearerToken, string key, ChargeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var claim = await keys.ClaimAsync(userId, key, RequestFingerprint.Of(command), cancellationToken);
        switch (claim.Status)
        {
            case ClaimStatus.Replay:
                await audit.WriteAsync(AuditActions.Charge, "replayed", userId, null, new { command.InvoiceId }, CancellationToken.None);
                return ChargeAnswer.FromStored(claim.Answer!);
            case ClaimStatus.Mismatch:
                await audit.WriteAsync(AuditActions.Charge, "idempotency_key_reused", userId, null, new { command.InvoiceId }, CancellationToken.None);
                return ChargeAnswer.Problem(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was already used for a different charge.",
                    "Send a new key for a new charge; reuse a key only to retry the very same request.", keep: false);
            case ClaimStatus.InFlight:
                await audit.WriteAsync(AuditActions.Charge, "in_flight", userId, null, new { command.InvoiceId }, CancellationToken.None);
                return ChargeAnswer.Problem(StatusCodes.Status409Conflict, "A charge with this Idempotency-Key is still being processed.",
                    "Retry the same request shortly to get its answer.", keep: false);
        }

        ChargeAnswer answer;
        try
        {
            answer = claim.PaymentId is { } existing
                ? await ResumeAsync(existing)
                : await StartAsync(userId, bearerToken, key, claim.LeaseToken, command, cancellationToken);
        }
        catch
        {
            await keys.ReleaseAsync(userId, key, claim.LeaseToken);
            throw;
        }

        if (answer.Keep) await keys.CompleteAsync(userId, key, claim.LeaseToken, answer.ToStored(), CancellationToken.None);
        else await keys.ReleaseAsync(userId, key, claim.LeaseToken);
        return answer;
    }

    private async Task<ChargeAnswer> StartAsync(
        Guid userId, string bearerToken, string key, Guid leaseToken, ChargeCommand command, CancellationToken cancellationToken)
    {
        var lookup = await accounting.GetAsync(command.InvoiceId, bearerToken, cancellationToken);
        if (lookup.Status == InvoiceLookupStatus.Unavailable)
        {
            await RefuseAsync(userId, command, "accounting_unavailable");
            return ChargeAnswer.Problem(StatusCodes.Status503ServiceUnavailable, "Accounting is unavailable, so nothing was charged.",
                "What the invoice owes could not be checked. Retry with the same Idempotency-Key.", keep: false);
        }

        if (lookup.Status == InvoiceLookupStatus.NotFound)
        {
            await RefuseAsync(userId, command, "invoice_not_found");
            return ChargeAnswer.Problem(StatusCodes.Status404NotFound, "The invoice was not found.", null, keep: true);
        }

        var invoice = lookup.Invoice!;
        if (invoice.Status is InvoiceStatus.Paid or InvoiceStatus.Void)
        {
            await RefuseAsync(userId, command, "invoice_closed");
            return ChargeAnswer.Problem(StatusCodes.Status409Conflict, $"The invoice is {(invoice.Status == InvoiceStatus.Paid ? "PAID" : "VOID")} and takes no payment.",
                null, keep: true);
        }

        var currency = command.Amount.Currency;
        if (!string.Equals(invoice.Currency, currency.Code, StringComparison.Ordinal))
        {
            await RefuseAsync(userId, command, "currency_mismatch");
            return ChargeAnswer.FieldProblem(StatusCodes.Status422UnprocessableEntity, "currency",
                $"The invoice is in {invoice.Currency}; the charge must be in the same currency.", keep: true);
        }

        Money total, paid;
        try
        {
            total = Money.FromDecimal(invoice.Amount, currency);
            paid = Money.FromDecimal(invoice.AmountPaid, currency);
        }
        catch (DomainValidationException)
        {
            await RefuseAsync(userId, command, "accounting_unavailable");
            return ChargeAnswer.Problem(StatusCodes.Status503ServiceUnavailable, "Accounting answered with an unreadable invoice.", null, keep: false);
        }

        var payment = new PaymentRow
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            InvoiceId = command.InvoiceId,
            AmountMinor = command.Amount.MinorUnits,
            Currency = currency.Code,
            Processor = processor.Name,
            PaymentMethod = command.Source,
        };
        await using (var connection = await db.OpenConnectionAsync(CancellationToken.None))
        await using (var transaction = await connection.BeginTransactionAsync(CancellationToken.None))
        {
            // Accounting counts a payment only once its event arrives; this service also knows the ones in
            // flight. The larger of the two is what is already spoken for.
            var committed = await PaymentStore.LockInvoiceAndSumCommittedAsync(transaction, command.InvoiceId, CancellationToken.None);
            var owed = total.MinorUnits - Math.Max(paid.MinorUnits, committed);
            if (command.Amount.MinorUnits > owed)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await RefuseAsync(userId, command, "exceeds_amount_owed");
                var left = new Money(Math.Max(owed, 0), currency);
                return ChargeAnswer.FieldProblem(StatusCodes.Status422UnprocessableEntity, "amount",
                    $"The invoice still owes {left}; the charge may not exceed that.", keep: true);
            }

            await PaymentStore.InsertAsync(transaction, payment, CancellationToken.None);
            await IdempotencyStore.LinkPaymentAsync(transaction, userId, key, leaseToken, payment.Id, CancellationToken.None);
            await AuditLog.WriteAsync(transaction, AuditActions.Charge, "accepted", userId, payment.Id,
                new { command.InvoiceId, amount = command.Amount.ToString(), processor = processor.Name }, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        return await ProcessAsync(payment.Id, command.Amount, command.Source, userId, command.InvoiceId);
    }

    /// <summary>Asks the processor again for a payment left PENDING before it answered, when no client came back for it.</summary>
    public Task<ChargeAnswer> FinishStalledAsync(PaymentRow payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return ProcessAsync(payment.Id, payment.Amount, payment.PaymentMethod, payment.UserId, payment.InvoiceId);
    }

    /// <summary>A retry after a crash or an outage: finish the payment the key already created, never a new one.</summary>
    private async Task<ChargeAnswer> ResumeAsync(Guid paymentId)
    {
        var payment = await PaymentStore.GetAsync(db, paymentId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Idempotency key points at payment {paymentId}, which does not exist.");
        LogResuming(logger, paymentId);
        if (payment.ProcessorPaymentId is null && payment.State == PaymentStatus.Pending)
        {
            return await ProcessAsync(payment.Id, payment.Amount, payment.PaymentMethod, payment.UserId, payment.InvoiceId);
        }

        return ChargeAnswer.Created(views.From(payment), $"/payments/{payment.Id}");
    }

    /// <summary>Runs to the end whatever the caller does: once the payment exists, a disconnect must not leave it half done.</summary>
    private async Task<ChargeAnswer> ProcessAsync(Guid paymentId, Money amount, string paymentMethod, Guid userId, Guid invoiceId)
    {
        ProcessorChargeResult result;
        try
        {
            result = await processor.ChargeAsync(new ProcessorChargeRequest(paymentId, userId, invoiceId, amount, paymentMethod), CancellationToken.None);
        }
        catch (ProcessorUnavailableException e)
        {
            await audit.WriteAsync(AuditActions.Charge, "processor_unavailable", userId, paymentId, new { e.Message }, CancellationToken.None);
            return ChargeAnswer.Problem(StatusCodes.Status503ServiceUnavailable, "The payment processor is unavailable.",
                "The payment is pending with an unknown outcome. Retry with the same Idempotency-Key: it will not be charged twice.", keep: false);
        }

        await using var connection = await db.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        var payment = await PaymentStore.LockAsync(transaction, paymentId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Payment {paymentId} vanished.");
        payment.ProcessorPaymentId ??= result.ProcessorPaymentId;
        if (result.Card is { } card && payment.CardDetails is null) payment.CardDetails = cards.Protect(payment.Id, card);
        var settled = await PaymentSettlement.ApplyAsync(transaction, payment, result.Outcome, result.FailureCode, result.FailureMessage, result.FeeMinor,
            time.GetUtcNow(), "charge", CancellationToken.None);
        if (!settled) await PaymentStore.SaveAsync(transaction, payment, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        LogCharged(logger, paymentId, payment.Status, payment.ProcessorPaymentId);
        return ChargeAnswer.Created(views.From(payment), $"/payments/{payment.Id}");
    }

    private Task RefuseAsync(Guid userId, ChargeCommand command, string outcome) =>
        audit.WriteAsync(AuditActions.Charge, outcome, userId, null, new { command.InvoiceId, amount = command.Amount.ToString() }, CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId} is {Status} at the processor ({ProcessorPaymentId})")]
    private static partial void LogCharged(ILogger logger, Guid paymentId, string status, string? processorPaymentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming payment {PaymentId} for a retried Idempotency-Key")]
    private static partial void LogResuming(ILogger logger, Guid paymentId);
}
