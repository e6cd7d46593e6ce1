using System.Text.RegularExpressions;
using FinFlow.Accounting.Domain;
using FinFlow.Accounting.Domain.Monetary;

namespace FinFlow.Payments.Charges;

/// <summary>A charge request that passed every rule that does not need the invoice: amounts exact in the currency's minor unit.</summary>
public sealed partial record ChargeCommand(Guid InvoiceId, Money Amount, string Source)
{
    public const int MaxSourceLength = 200;

    /// <summary>Validates the body, throwing <see cref="DomainValidationException"/> with every field error at once.</summary>
    public static ChargeCommand From(ChargeRequest? request)
    {
        if (request is null) throw new DomainValidationException("body", "A JSON body {invoiceId, amount, currency, source} is required.");
        var errors = new List<ValidationError>();
        if (request.InvoiceId is not { } invoiceId || invoiceId == Guid.Empty) errors.Add(new("invoiceId", "The invoice id is required."));

        Currency.TryFromCode(request.Currency, out var currency);
        if (currency is null) errors.Add(new("currency", $"Unknown currency '{request.Currency}': expected an ISO 4217 code such as USD."));

        Money? amount = null;
        if (request.Amount is not { } raw) errors.Add(new("amount", "The amount is required."));
        else if (raw <= 0) errors.Add(new("amount", "The amount must be greater than zero."));
        else if (currency is not null)
        {
            try
            {
                amount = Money.FromDecimal(raw, currency, "amount");
            }
            catch (DomainValidationException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        if (string.IsNullOrEmpty(request.Source)) errors.Add(new("source", "The source (a payment-method token such as pm_card_visa) is required."));
        else if (request.Source.Length > MaxSourceLength || !PaymentMethodToken().IsMatch(request.Source))
        {
            errors.Add(new("source", "The source must be a payment-method token such as pm_card_visa; card numbers are never accepted."));
        }

        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new ChargeCommand(request.InvoiceId!.Value, amount!, request.Source!);
    }

    [GeneratedRegex("^pm_[A-Za-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentMethodToken();
}
