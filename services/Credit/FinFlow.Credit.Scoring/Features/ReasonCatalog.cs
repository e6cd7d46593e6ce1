namespace FinFlow.Credit.Scoring.Features;

/// <summary>
/// Human wording for reason codes, fixed per model column so identical inputs always read the same and an
/// adverse-action notice can quote them as they are.
/// </summary>
public static class ReasonCatalog
{
    private const string NotProvided = "NOT_PROVIDED";

    public static IReadOnlyList<ReasonWording> All { get; } =
    [
        new(CreditFeatures.CreditCapacity, "LOW_INCOME",
            "Income is low for the credit capacity it has to support.",
            "INCOME_" + NotProvided, "Income was not provided.", ["income"]),
        new(CreditFeatures.RecentDelayMonths, "RECENT_PAYMENT_DELAY",
            "Invoices are currently paid later than their payment terms.",
            "DAYS_TO_PAY_" + NotProvided, "Days to pay were not provided, so recent payment timing could not be verified.", ["daysToPay", "delinquencies"]),
        new(CreditFeatures.MaxDelayMonths, "LONG_PAYMENT_DELAY",
            "Payments have been delayed by a month or more.",
            "DELAY_" + NotProvided, "Payment delay history was not provided.", ["delinquencies", "daysToPay"]),
        new(CreditFeatures.MonthsDelinquent, "FREQUENT_DELINQUENCY",
            "Too many invoices went delinquent compared with the invoices issued.",
            "DELINQUENCY_" + NotProvided, "Delinquency history was not provided.", ["delinquencies", "numInvoices", "daysToPay"]),
        new(CreditFeatures.AveragePayment, "LOW_CASH_FLOW",
            "Average monthly cash flow is low.",
            "CASH_FLOW_" + NotProvided, "Average cash flow was not provided.", ["avgCashflow"]),
        new(CreditFeatures.Utilisation, "LOW_CASH_BUFFER",
            "Cash on hand covers only a few days of outgoings.",
            "CASH_ON_HAND_" + NotProvided, "Days of cash on hand were not provided.", ["daysCashOnHand"]),
        new(CreditFeatures.PaymentVolatility, "VOLATILE_CASH_FLOW",
            "Cash flow varies strongly from month to month.",
            "CASH_FLOW_VOLATILITY_" + NotProvided, "Cash-flow volatility was not provided.", ["cashflowVolatility"]),
    ];

    public static ReasonWording For(string feature) =>
        All.FirstOrDefault(wording => wording.Feature == feature)
        ?? throw new ArgumentException($"No reason wording for feature '{feature}'.", nameof(feature));
}
