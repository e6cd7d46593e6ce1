namespace FinFlow.Accounting.Domain.Ledger;

/// <summary>Which column of the ledger a line sits in; stored as 'D' / 'C' in journal_lines.side.</summary>
public enum EntrySide
{
    Debit = 1,
    Credit = 2,
}
