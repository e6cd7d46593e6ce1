using Dapper;
using FinFlow.Accounting.Accounts;
using FinFlow.Accounting.Domain.Ledger;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Accounting.Ledger;
using FinFlow.Contracts.Events;
using FinFlow.Data.Inbox;
using Npgsql;

namespace FinFlow.Accounting.Payments;

/// <summary>
/// Applies <c>payment_refunded</c>: money leaves Cash (Cr Cash). A refund of an applied payment first returns
/// any over-payment (Dr Customer Credits), the rest reduces the sale (Dr Refunds, a contra-revenue account);
/// the invoice keeps its paid status, as a refunded sale does. A refund of an unmatched payment clears
/// Suspense. A refund whose payment has not arrived yet is retried, never guessed.
/// </summary>
public static class RefundApplication
{
    public const string Consumer = "accounting/payment_refunded";

    private const string RecordedSql = "SELECT EXISTS (SELECT 1 FROM payment_refunds WHERE refund_id = @Id)";

    private const string LockAppliedSql = """
        SELECT invoice_id AS InvoiceId, currency, amount_minor AS AmountMinor, credit_minor AS CreditMinor, refunded_minor AS RefundedMinor
          FROM invoice_payments WHERE payment_id = @PaymentId AND user_id = @UserId FOR UPDATE
        """;

    private const string LockUnmatchedSql = """
        SELECT NULL::uuid AS InvoiceId, currency, amount_minor AS AmountMinor, 0::bigint AS CreditMinor, refunded_minor AS RefundedMinor
          FROM unmatched_payments WHERE payment_id = @PaymentId AND user_id = @UserId FOR UPDATE
        """;

    private const string UpdateAppliedSql = "UPDATE invoice_payments SET refunded_minor = refunded_minor + @Amount WHERE payment_id = @PaymentId";

    private const string UpdateUnmatchedSql = "UPDATE unmatched_payments SET refunded_minor = refunded_minor + @Amount WHERE payment_id = @PaymentId";

    private const string InsertRefundSql = """
        INSERT INTO payment_refunds (refund_id, payment_id, user_id, currency, amount_minor, refunded_at, journal_entry_id)
        VALUES (@RefundId, @PaymentId, @UserId, @Currency, @Amount, @RefundedAt, @EntryId)
        """;

    public static async Task<PaymentResult> ApplyAsync(NpgsqlDataSource db, string eventId, PaymentRefunded refund, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(refund);
        if (refund.RefundId == Guid.Empty || refund.PaymentId == Guid.Empty || refund.UserId == Guid.Empty)
        {
            return new(PaymentOutcome.Invalid, "refund, payment and user ids are required");
        }

        if (!PaymentAmounts.TryParse(refund.Amount, null, refund.Currency, out var amount, out _, out var error)) return new(PaymentOutcome.Invalid, error);

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await EventInbox.TryClaimAsync(transaction, eventId, Consumer, cancellationToken)) return new(PaymentOutcome.Duplicate, "event already processed");

        var key = new { refund.PaymentId, refund.UserId };
        var applied = await connection.QuerySingleOrDefaultAsync<LockedPayment>(new CommandDefinition(LockAppliedSql, key, transaction, cancellationToken: cancellationToken));
        var payment = applied ?? await connection.QuerySingleOrDefaultAsync<LockedPayment>(
            new CommandDefinition(LockUnmatchedSql, key, transaction, cancellationToken: cancellationToken));
        if (payment is null) return new(PaymentOutcome.Retry, $"payment {refund.PaymentId} is not known yet"); // rolls back the claim
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(RecordedSql, new { Id = refund.RefundId }, transaction, cancellationToken: cancellationToken)))
        {
            await transaction.CommitAsync(cancellationToken);
            return new(PaymentOutcome.Duplicate, "refund already recorded");
        }

        if (payment.Currency.Trim() != amount!.Currency.Code) return new(PaymentOutcome.Invalid, $"the payment is in {payment.Currency.Trim()}");
        if (amount.MinorUnits > payment.AmountMinor - payment.RefundedMinor)
        {
            return new(PaymentOutcome.Invalid, "the refund exceeds what is left of the payment");
        }

        var accounts = await ChartOfAccounts.EnsureAsync(transaction, refund.UserId, amount.Currency, cancellationToken);
        var lines = new List<JournalLine>();
        if (applied is null)
        {
            lines.Add(JournalLine.Debit(accounts[AccountCodes.Suspense], amount));
        }
        else
        {
            var creditLeft = Math.Max(applied.CreditMinor - applied.RefundedMinor, 0);
            var fromCredit = Math.Min(creditLeft, amount.MinorUnits);
            if (fromCredit > 0) lines.Add(JournalLine.Debit(accounts[AccountCodes.CustomerCredits], new Money(fromCredit, amount.Currency)));
            if (amount.MinorUnits > fromCredit) lines.Add(JournalLine.Debit(accounts[AccountCodes.Refunds], new Money(amount.MinorUnits - fromCredit, amount.Currency)));
        }

        lines.Add(JournalLine.Credit(accounts[AccountCodes.Cash], amount));
        var entry = JournalEntry.Create(Guid.CreateVersion7(), refund.UserId, amount.Currency, refund.RefundedAt, $"Refund {refund.RefundId} of payment {refund.PaymentId}", lines);
        await JournalWriter.PostAsync(transaction, entry, DateOnly.FromDateTime(refund.RefundedAt.UtcDateTime), payment.InvoiceId, cancellationToken);
        var change = new { Amount = amount.MinorUnits, refund.PaymentId };
        await connection.ExecuteAsync(new CommandDefinition(applied is null ? UpdateUnmatchedSql : UpdateAppliedSql, change, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertRefundSql, new
        {
            refund.RefundId, refund.PaymentId, refund.UserId, Currency = amount.Currency.Code, Amount = amount.MinorUnits, refund.RefundedAt, EntryId = entry.Id,
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new(PaymentOutcome.Applied);
    }

    private sealed class LockedPayment
    {
        public Guid? InvoiceId { get; init; }

        public string Currency { get; init; } = string.Empty;

        public long AmountMinor { get; init; }

        public long CreditMinor { get; init; }

        public long RefundedMinor { get; init; }
    }
}
