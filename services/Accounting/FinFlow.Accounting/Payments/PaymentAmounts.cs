using FinFlow.Accounting.Domain;
using FinFlow.Accounting.Domain.Monetary;

namespace FinFlow.Accounting.Payments;

/// <summary>Converts an event's decimal amounts with the same currency rules as the API, so a malformed event is refused, not rounded.</summary>
public static class PaymentAmounts
{
    public static bool TryParse(decimal amount, decimal? fee, string currencyCode, out Money? gross, out Money? kept, out string? error)
    {
        gross = null;
        kept = null;
        if (!Currency.TryFromCode(currencyCode, out var currency))
        {
            error = $"unknown currency '{currencyCode}'";
            return false;
        }

        try
        {
            gross = Money.FromDecimal(amount, currency!);
            kept = Money.FromDecimal(fee ?? 0m, currency!, "fee");
        }
        catch (DomainValidationException e)
        {
            error = string.Join("; ", e.Errors.Select(x => $"{x.Field}: {x.Message}"));
            return false;
        }

        error = gross.MinorUnits <= 0 ? "the amount must be positive"
            : kept.MinorUnits < 0 || kept.MinorUnits > gross.MinorUnits ? "the fee must be between zero and the amount"
            : null;
        return error is null;
    }
}
