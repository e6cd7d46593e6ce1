namespace FinFlow.Credit.Scoring.Features;

/// <summary>Rejects inputs that are missing or cannot describe a real business, naming every offending field.</summary>
public static class BusinessFeatureValidator
{
    public static void Validate(BusinessFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var errors = new Dictionary<string, List<string>>();
        void Fail(string field, string message)
        {
            if (!errors.TryGetValue(field, out var messages))
                errors[field] = messages = [];
            messages.Add(message);
        }

        if (features.Income is not { } income)
            Fail("income", "Income is required.");
        else if (income < 0)
            Fail("income", "Income must not be negative.");

        if (features.NumInvoices is not { } invoices)
            Fail("numInvoices", "The number of invoices is required.");
        else if (invoices < 0)
            Fail("numInvoices", "The number of invoices must not be negative.");

        if (features.AvgCashflow is null)
            Fail("avgCashflow", "Average cash flow is required.");

        if (features.Delinquencies is not { } delinquencies)
            Fail("delinquencies", "The number of delinquencies is required.");
        else if (delinquencies < 0)
            Fail("delinquencies", "Delinquencies must not be negative.");
        else if (features.NumInvoices is { } issued and >= 0 && delinquencies > issued)
            Fail("delinquencies", "Delinquencies cannot exceed the number of invoices.");

        if (features.MonthsInBusiness is < 0)
            Fail("monthsInBusiness", "Months in business must not be negative.");
        CheckOptional(features.RevenueTrend, "revenueTrend", -1, "Revenue cannot fall by more than 100%.", Fail);
        CheckOptional(features.DaysToPay, "daysToPay", 0, "Days to pay must not be negative.", Fail);
        CheckOptional(features.CashflowVolatility, "cashflowVolatility", 0, "Cash-flow volatility must not be negative.", Fail);
        CheckOptional(features.DaysCashOnHand, "daysCashOnHand", 0, "Days cash on hand must not be negative.", Fail);

        if (errors.Count > 0)
            throw new CreditInputException(errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()));
    }

    private static void CheckOptional(double? value, string field, double minimum, string belowMinimum, Action<string, string> fail)
    {
        if (value is not { } number)
            return;
        if (!double.IsFinite(number))
            fail(field, "Must be a finite number.");
        else if (number < minimum)
            fail(field, belowMinimum);
    }
}
