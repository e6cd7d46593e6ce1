namespace FinFlow.Credit.Assessment.Books;

/// <summary><c>GET accounting/trial-balance</c>: each account's net balance today in its debit or credit column.</summary>
public sealed record AccountingTrialBalance(string? Currency, IReadOnlyList<AccountingTrialBalanceLine> Accounts)
{
    /// <summary>Accounting's fixed code of the Cash account in every chart.</summary>
    public const string CashAccount = "1000";

    /// <summary>The Cash balance (negative when overdrawn), or null when the chart has no Cash account yet.</summary>
    public decimal? CashBalance() =>
        Accounts.FirstOrDefault(line => line.Code == CashAccount) is { } cash ? cash.Debit - cash.Credit : null;
}
