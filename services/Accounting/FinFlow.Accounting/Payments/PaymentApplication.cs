using Dapper;
using FinFlow.Accounting.Accounts;
using FinFlow.Accounting.Domain.Ledger;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Accounting.Ledger;
using FinFlow.Contracts.Events;
using FinFlow.Data.Inbox;
using FinFlow.Data.Outbox;
using Npgsql;

namespace FinFlow.Accounting.Payments;

/// <summary>
/// Applies <c>payment_completed</c> in one transaction: inbox claim, journal entry, invoice update, payment
/// row and (when now fully paid) <c>invoice_paid</c> in the outbox. Dr Cash (net of fee) + Dr Processor
/// Fees / Cr Accounts Receivable (what the invoice still owed) + Cr Customer Credits (any over-payment).
/// </summary>
public static class PaymentApplication
{
    public const string Consumer = "accounting/payment_completed";

    private const string AlreadyRecordedSql = """
        SELECT EXISTS (SELECT 1 FROM invoice_payments WHERE payment_id = @Id)
            OR EXISTS (SELECT 1 FROM unmatched_payments WHERE payment_id = @Id)
        """;

    private const string LockInvoiceSql = """
        SELECT currency, amount_minor AS AmountMinor, amount_paid_minor AS AmountPaidMinor, status
          FROM invoices WHERE id = @InvoiceId AND user_id = @UserId FOR UPDATE
        """;

    private const string UpdateInvoiceSql = "UPDATE invoices SET amount_paid_minor = @Paid, status = @Status WHERE id = @Id";

    private const string InsertPaymentSql = """
        INSERT INTO invoice_payments (payment_id, invoice_id, user_id, currency, amount_minor, applied_minor, credit_minor,
                                      fee_minor, processor_reference, completed_at, journal_entry_id)
        VALUES (@PaymentId, @InvoiceId, @UserId, @Currency, @Amount, @Applied, @Credit, @Fee, @Reference, @CompletedAt, @EntryId)
        """;

    private const string InsertUnmatchedSql = """
        INSERT INTO unmatched_payments (payment_id, invoice_id, user_id, currency, amount_minor, fee_minor, reason,
                                        processor_reference, received_at, journal_entry_id)
        VALUES (@PaymentId, @InvoiceId, @UserId, @Currency, @Amount, @Fee, @Reason, @Reference, @CompletedAt, @EntryId)
        """;

    public static async Task<PaymentResult> ApplyAsync(NpgsqlDataSource db, string eventId, PaymentCompleted payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.PaymentId == Guid.Empty || payment.InvoiceId == Guid.Empty || payment.UserId == Guid.Empty)
        {
            return new(PaymentOutcome.Invalid, "payment, invoice and user ids are required");
        }

        if (!PaymentAmounts.TryParse(payment.Amount, payment.Fee, payment.Currency, out var amount, out var fee, out var error))
        {
            return new(PaymentOutcome.Invalid, error);
        }

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await EventInbox.TryClaimAsync(transaction, eventId, Consumer, cancellationToken)) return new(PaymentOutcome.Duplicate, "event already processed");

        var accounts = await ChartOfAccounts.EnsureAsync(transaction, payment.UserId, amount!.Currency, cancellationToken);
        var invoice = await connection.QuerySingleOrDefaultAsync<LockedInvoice>(new CommandDefinition(
            LockInvoiceSql, new { payment.InvoiceId, payment.UserId }, transaction, cancellationToken: cancellationToken));
        // Checked under the invoice lock: a concurrent delivery of the same payment has committed or not by now.
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                AlreadyRecordedSql, new { Id = payment.PaymentId }, transaction, cancellationToken: cancellationToken)))
        {
            await transaction.CommitAsync(cancellationToken); // keep the claim: this event id is done too
            return new(PaymentOutcome.Duplicate, "payment already recorded");
        }

        var reason = invoice is null ? "no such invoice for this user"
            : invoice.Status == "VOID" ? "the invoice is void"
            : invoice.Currency.Trim() != amount.Currency.Code ? $"the invoice is in {invoice.Currency.Trim()}"
            : null;
        var entryId = Guid.CreateVersion7();
        var args = new
        {
            payment.PaymentId, payment.InvoiceId, payment.UserId, Currency = amount.Currency.Code, Amount = amount.MinorUnits,
            Fee = fee!.MinorUnits, Reference = payment.ProcessorReference ?? string.Empty, payment.CompletedAt, EntryId = entryId,
        };
        var cashLines = CashReceived(accounts, amount, fee);
        if (reason is not null)
        {
            await PostAsync(transaction, entryId, payment, $"Unmatched payment {payment.PaymentId}: {reason}",
                [.. cashLines, JournalLine.Credit(accounts[AccountCodes.Suspense], amount)], null, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(InsertUnmatchedSql, new
            {
                args.PaymentId, args.InvoiceId, args.UserId, args.Currency, args.Amount, args.Fee, Reason = reason,
                args.Reference, args.CompletedAt, args.EntryId,
            }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return new(PaymentOutcome.Unmatched, reason);
        }

        var owed = invoice!.AmountMinor - invoice.AmountPaidMinor;
        var applied = Math.Min(amount.MinorUnits, owed);
        var credit = amount.MinorUnits - applied;
        var lines = new List<JournalLine>(cashLines);
        if (applied > 0) lines.Add(JournalLine.Credit(accounts[AccountCodes.AccountsReceivable], new Money(applied, amount.Currency)));
        if (credit > 0) lines.Add(JournalLine.Credit(accounts[AccountCodes.CustomerCredits], new Money(credit, amount.Currency)));
        await PostAsync(transaction, entryId, payment, $"Payment {payment.PaymentId} for invoice {payment.InvoiceId}", lines, payment.InvoiceId, cancellationToken);

        var paid = invoice.AmountPaidMinor + applied;
        var status = paid == invoice.AmountMinor ? "PAID" : paid > 0 ? "PARTIALLY_PAID" : invoice.Status;
        await connection.ExecuteAsync(new CommandDefinition(
            UpdateInvoiceSql, new { Paid = paid, Status = status, Id = payment.InvoiceId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertPaymentSql, new
        {
            args.PaymentId, args.InvoiceId, args.UserId, args.Currency, args.Amount, Applied = applied, Credit = credit,
            args.Fee, args.Reference, args.CompletedAt, args.EntryId,
        }, transaction, cancellationToken: cancellationToken));
        if (status == "PAID" && invoice.Status != "PAID")
        {
            await OutboxWriter.EnqueueAsync(transaction, new InvoicePaid(
                payment.InvoiceId, payment.UserId, new Money(invoice.AmountMinor, amount.Currency).ToDecimal(),
                new Money(paid, amount.Currency).ToDecimal(), amount.Currency.Code, payment.CompletedAt), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new(PaymentOutcome.Applied);
    }

    /// <summary>The debit side of money received: what reached the bank, plus what the processor kept.</summary>
    private static List<JournalLine> CashReceived(IReadOnlyDictionary<string, Guid> accounts, Money amount, Money fee)
    {
        var lines = new List<JournalLine>();
        var net = amount - fee;
        if (net.IsPositive) lines.Add(JournalLine.Debit(accounts[AccountCodes.Cash], net));
        if (fee.IsPositive) lines.Add(JournalLine.Debit(accounts[AccountCodes.ProcessorFees], fee));
        return lines;
    }

    private static Task PostAsync(
        NpgsqlTransaction transaction, Guid entryId, PaymentCompleted payment, string memo, IEnumerable<JournalLine> lines, Guid? invoiceId,
        CancellationToken cancellationToken)
    {
        var entry = JournalEntry.Create(entryId, payment.UserId, lines.First().Amount.Currency, payment.CompletedAt, memo, lines);
        return JournalWriter.PostAsync(transaction, entry, DateOnly.FromDateTime(payment.CompletedAt.UtcDateTime), invoiceId, cancellationToken);
    }

    private sealed class LockedInvoice
    {
        public string Currency { get; init; } = string.Empty;

        public long AmountMinor { get; init; }

        public long AmountPaidMinor { get; init; }

        public string Status { get; init; } = string.Empty;
    }
}
