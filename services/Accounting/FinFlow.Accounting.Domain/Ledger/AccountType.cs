namespace FinFlow.Accounting.Domain.Ledger;

/// <summary>The five account classes; stored lower-case in accounts.type.</summary>
public enum AccountType
{
    Asset = 1,
    Liability = 2,
    Equity = 3,
    Revenue = 4,
    Expense = 5,
}
