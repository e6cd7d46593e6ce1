namespace FinFlow.Accounting.Ledger;

/// <summary>One line of a journal entry as the API shows it: <c>side</c> is <c>debit</c> or <c>credit</c>.</summary>
public sealed record JournalLineView(string Account, string AccountName, string Side, decimal Amount);
