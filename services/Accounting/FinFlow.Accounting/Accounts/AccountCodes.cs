namespace FinFlow.Accounting.Accounts;

/// <summary>The fixed codes of every user's chart of accounts (one set per currency used).</summary>
public static class AccountCodes
{
    public const string Cash = "1000";
    public const string AccountsReceivable = "1100";
    public const string Suspense = "1999";
    public const string TaxPayable = "2100";
    public const string CustomerCredits = "2200";
    public const string SalesRevenue = "4000";
    public const string Refunds = "4100";
    public const string ProcessorFees = "6100";
}
