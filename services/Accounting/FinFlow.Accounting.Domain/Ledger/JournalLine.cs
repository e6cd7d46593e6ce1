using FinFlow.Accounting.Domain.Monetary;

namespace FinFlow.Accounting.Domain.Ledger;

/// <summary>
/// One debit or credit against an account. Amounts are always positive: direction lives in
/// <see cref="Side"/>, never in the sign, so a negative number can't flip a posting by accident.
/// </summary>
public sealed record JournalLine(Guid AccountId, EntrySide Side, Money Amount)
{
    public static JournalLine Debit(Guid accountId, Money amount) => new(accountId, EntrySide.Debit, amount);

    public static JournalLine Credit(Guid accountId, Money amount) => new(accountId, EntrySide.Credit, amount);

    /// <summary>The database's encoding of <see cref="Side"/>.</summary>
    public char SideCode => Side == EntrySide.Debit ? 'D' : 'C';

    /// <summary>The same amount on the opposite side: what a reversal entry posts.</summary>
    public JournalLine Reversed() => this with { Side = Side == EntrySide.Debit ? EntrySide.Credit : EntrySide.Debit };
}
