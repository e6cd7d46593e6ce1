using FinFlow.Accounting.Accounts;
using FinFlow.Accounting.Domain;
using FinFlow.Accounting.Domain.Ledger;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Accounting.Hosting;

namespace FinFlow.Accounting.Ledger;

/// <summary>A validated manual entry: every field problem is collected, so one 400 names them all.</summary>
public sealed record ManualEntryDraft(string DebitCode, string CreditCode, Money Amount, DateOnly Date, string? Memo, Guid? InvoiceId)
{
    public static ManualEntryDraft From(ManualEntryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        var debit = AccountCode(request.DebitAccount, "debitAccount", errors);
        var credit = AccountCode(request.CreditAccount, "creditAccount", errors);
        if (debit is not null && debit == credit) errors.Add(new("creditAccount", "The credit account must differ from the debit account."));

        Money? amount = null;
        if (!Currency.TryFromCode(request.Currency, out var currency))
        {
            errors.Add(new("currency", "The currency must be an ISO 4217 code such as USD."));
        }
        else if (request.Amount is not { } value)
        {
            errors.Add(new("amount", "The amount is required."));
        }
        else if (value <= 0)
        {
            errors.Add(new("amount", "The amount must be greater than zero."));
        }
        else
        {
            try
            {
                amount = Money.FromDecimal(value, currency!);
            }
            catch (DomainValidationException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        if (!QueryDates.TryParse(request.Date, out var date)) errors.Add(new("date", "The date is required, as yyyy-MM-dd."));
        if (request.Memo is { Length: > JournalEntry.MaxMemoLength }) errors.Add(new("memo", $"The memo is at most {JournalEntry.MaxMemoLength} characters."));
        if (request.InvoiceId == Guid.Empty) errors.Add(new("invoiceId", "The invoice id is not a valid id."));
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new ManualEntryDraft(debit!, credit!, amount!, date, string.IsNullOrWhiteSpace(request.Memo) ? null : request.Memo.Trim(), request.InvoiceId);
    }

    private static string? AccountCode(string? code, string field, List<ValidationError> errors)
    {
        if (code is not null && ChartOfAccounts.Codes.Contains(code, StringComparer.Ordinal)) return code;
        errors.Add(new(field, $"Unknown account '{code}'. The accounts are {string.Join(", ", ChartOfAccounts.Codes)}."));
        return null;
    }
}
