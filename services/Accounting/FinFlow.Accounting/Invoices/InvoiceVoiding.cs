using FinFlow.ServiceDefaults.Authentication;
using System.Security.Claims;
using Dapper;
using FinFlow.Accounting.Domain.Ledger;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Accounting.Hosting;
using FinFlow.Accounting.Ledger;
using Npgsql;

namespace FinFlow.Accounting.Invoices;

/// <summary>
/// <c>POST /accounting/invoices/{id}/void</c>: cancels an unpaid invoice by posting the reversal of its entry
/// (the journal is never edited). An invoice with payments cannot be voided; refund them instead. Voiding
/// twice answers the void invoice again. Payments arriving for a void invoice go to Suspense.
/// </summary>
public static class InvoiceVoiding
{
    private const string LockSql = """
        SELECT status, currency, amount_paid_minor AS AmountPaidMinor, journal_entry_id AS JournalEntryId
          FROM invoices WHERE id = @Id AND user_id = @Owner FOR UPDATE
        """;

    private const string HasPaymentsSql = "SELECT EXISTS (SELECT 1 FROM invoice_payments WHERE invoice_id = @Id)";

    private const string OriginalLinesSql = "SELECT account_id AS AccountId, side, amount_minor AS AmountMinor FROM journal_lines WHERE entry_id = @EntryId ORDER BY id";

    private const string MarkVoidSql = "UPDATE invoices SET status = 'VOID', voided_at = @At WHERE id = @Id";

    public static async Task<IResult> VoidAsync(Guid id, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (!FinFlowUser.TryGetId(user, out var owner)) return TypedResults.Unauthorized();
        var now = time.GetUtcNow();
        await using (var connection = await db.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var invoice = await connection.QuerySingleOrDefaultAsync<Locked>(
                new CommandDefinition(LockSql, new { Id = id, Owner = owner }, transaction, cancellationToken: cancellationToken));
            if (invoice is null) return AccountingProblems.NotFound("The invoice");
            if (invoice.Status != "VOID")
            {
                var hasPayments = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(HasPaymentsSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
                if (hasPayments || invoice.AmountPaidMinor > 0)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict, title: "The invoice has payments and cannot be voided.", detail: "Refund the payments instead.");
                }

                var currency = Currency.FromCode(invoice.Currency.Trim());
                var original = await connection.QueryAsync<(Guid AccountId, string Side, long AmountMinor)>(
                    new CommandDefinition(OriginalLinesSql, new { EntryId = invoice.JournalEntryId }, transaction, cancellationToken: cancellationToken));
                var reversed = original.Select(l => l.Side == "D"
                    ? JournalLine.Credit(l.AccountId, new Money(l.AmountMinor, currency))
                    : JournalLine.Debit(l.AccountId, new Money(l.AmountMinor, currency)));
                var reversal = JournalEntry.Create(Guid.CreateVersion7(), owner, currency, now, $"Void of invoice {id}", reversed, invoice.JournalEntryId);
                await JournalWriter.PostAsync(transaction, reversal, invoiceId: id, cancellationToken: cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(MarkVoidSql, new { At = now, Id = id }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }
        }

        var row = await InvoiceStore.GetAsync(db, id, owner, cancellationToken);
        return TypedResults.Ok(row!.ToResponse(DateOnly.FromDateTime(now.UtcDateTime)));
    }

    private sealed class Locked
    {
        public string Status { get; init; } = string.Empty;

        public string Currency { get; init; } = string.Empty;

        public long AmountPaidMinor { get; init; }

        public Guid? JournalEntryId { get; init; }
    }
}
