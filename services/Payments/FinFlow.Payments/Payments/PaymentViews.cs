using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Payments.CardData;

namespace FinFlow.Payments.Payments;

/// <summary>Turns stored rows into API answers, decrypting the card summary on the way out.</summary>
public sealed class PaymentViews(CardDataProtector cards)
{
    public PaymentResponse From(PaymentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var amount = row.Amount;
        return new PaymentResponse(
            row.Id,
            row.State,
            row.InvoiceId,
            row.UserId,
            amount.ToDecimal(),
            amount.Currency.Code,
            row.Refunded.ToDecimal(),
            row.FeeMinor is { } fee ? new Money(fee, amount.Currency).ToDecimal() : null,
            row.Processor,
            row.ProcessorPaymentId,
            row.CardDetails is { } blob ? cards.Unprotect(row.Id, blob) : null,
            row.FailureCode,
            row.FailureMessage,
            Utc(row.CreatedAt),
            Utc(row.UpdatedAt),
            row.CompletedAt is { } completed ? Utc(completed) : null);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
