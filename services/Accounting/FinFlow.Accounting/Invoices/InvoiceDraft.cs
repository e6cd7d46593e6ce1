using System.Globalization;
using FinFlow.Accounting.Domain;
using FinFlow.Accounting.Domain.Monetary;

namespace FinFlow.Accounting.Invoices;

/// <summary>
/// A create request checked against every rule, with the split the journal entry needs: the total
/// receivable, and how much of it is revenue (<see cref="Net"/>) and how much is tax (<see cref="Tax"/>).
/// </summary>
public sealed record InvoiceDraft(string Client, Money Amount, DateOnly DueDate, IReadOnlyList<InvoiceLine> Lines, Money Net, Money Tax)
{
    public const int MaxClientLength = 200;
    public const int MaxDescriptionLength = 500;
    public const int MaxLines = 500;
    private const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>Validates the request, throwing <see cref="DomainValidationException"/> with all field errors.</summary>
    public static InvoiceDraft From(CreateInvoiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        var client = request.Client?.Trim();
        if (string.IsNullOrEmpty(client)) errors.Add(new("client", "The client is required."));
        else if (client.Length > MaxClientLength) errors.Add(new("client", $"The client is longer than {MaxClientLength} characters."));

        Currency.TryFromCode(request.Currency, out var currency);
        if (currency is null) errors.Add(new("currency", $"Unknown currency '{request.Currency}': expected an ISO 4217 code such as USD."));

        var dueDate = default(DateOnly);
        if (request.DueDate is null) errors.Add(new("dueDate", "The due date is required."));
        else if (!DateOnly.TryParseExact(request.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dueDate))
        {
            errors.Add(new("dueDate", "The due date must be a date in the form yyyy-MM-dd."));
        }

        Money? amount = null;
        if (request.Amount is not { } rawAmount) errors.Add(new("amount", "The amount is required."));
        else if (rawAmount <= 0) errors.Add(new("amount", "The amount must be greater than zero."));
        else if (currency is not null) amount = Capture(errors, () => Money.FromDecimal(rawAmount, currency, "amount"));

        var lines = new List<InvoiceLine>();
        if (request.Lines is { Count: > MaxLines }) errors.Add(new("lines", $"An invoice has at most {MaxLines} lines."));
        else if (request.Lines is not null && currency is not null)
        {
            for (var i = 0; i < request.Lines.Count; i++) ReadLine(errors, request.Lines[i], $"lines[{i}]", currency, lines);
        }

        var net = amount;
        var tax = currency is null ? null : Money.Zero(currency);
        if (errors.Count == 0 && lines.Count > 0)
        {
            (net, tax) = Split(errors, lines, currency!, amount!);
        }

        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new InvoiceDraft(client!, amount!, dueDate, lines, net!, tax!);
    }

    private static void ReadLine(List<ValidationError> errors, InvoiceLineRequest? line, string field, Currency currency, List<InvoiceLine> lines)
    {
        if (line is null)
        {
            errors.Add(new(field, "The line is missing."));
            return;
        }

        var before = errors.Count;
        var description = line.Description?.Trim();
        if (string.IsNullOrEmpty(description)) errors.Add(new($"{field}.description", "The description is required."));
        else if (description.Length > MaxDescriptionLength) errors.Add(new($"{field}.description", $"The description is longer than {MaxDescriptionLength} characters."));
        if (line.Quantity is not { } quantity || quantity <= 0 || quantity > MaxQuantity || decimal.Round(quantity, 6) != quantity)
        {
            errors.Add(new($"{field}.quantity", "The quantity must be greater than zero, at most 1e9, with at most 6 decimals."));
        }

        if (line.TaxRate is { } rate && (rate < 0 || rate > 1 || decimal.Round(rate, 6) != rate))
        {
            errors.Add(new($"{field}.taxRate", "The tax rate is a fraction between 0 and 1 (0.2 = 20 %) with at most 6 decimals."));
        }

        Money? price = null;
        if (line.UnitPrice is not { } unitPrice) errors.Add(new($"{field}.unitPrice", "The unit price is required."));
        else if (unitPrice < 0) errors.Add(new($"{field}.unitPrice", "The unit price cannot be negative."));
        else price = Capture(errors, () => Money.FromDecimal(unitPrice, currency, $"{field}.unitPrice"));

        if (errors.Count == before) lines.Add(new InvoiceLine(description!, line.Quantity!.Value, price!.MinorUnits, line.TaxRate ?? 0m));
    }

    /// <summary>
    /// Total = Σ quantity × price × (1 + rate) and tax = Σ quantity × price × rate, each rounded half-even to
    /// the minor unit once (not per line); revenue is the difference, so the entry balances by construction.
    /// </summary>
    private static (Money? Net, Money? Tax) Split(List<ValidationError> errors, List<InvoiceLine> lines, Currency currency, Money amount)
    {
        try
        {
            decimal gross = 0, tax = 0;
            foreach (var line in lines)
            {
                var net = line.Quantity * line.UnitPriceMinor;
                gross += net * (1 + line.TaxRate);
                tax += net * line.TaxRate;
            }

            var total = (long)decimal.Round(gross, 0, MidpointRounding.ToEven);
            var taxMinor = (long)decimal.Round(tax, 0, MidpointRounding.ToEven);
            if (total != amount.MinorUnits)
            {
                errors.Add(new("amount", $"The amount {amount} does not equal the sum of the lines including tax, {new Money(total, currency)}."));
                return (null, null);
            }

            return (new Money(total - taxMinor, currency), new Money(taxMinor, currency));
        }
        catch (OverflowException)
        {
            errors.Add(new("lines", "The lines' total is too large."));
            return (null, null);
        }
    }

    private static Money? Capture(List<ValidationError> errors, Func<Money> parse)
    {
        try
        {
            return parse();
        }
        catch (DomainValidationException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }
}
