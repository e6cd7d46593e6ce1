using FinFlow.Accounting.Domain.Monetary;

namespace FinFlow.Accounting.Domain.Ledger;

/// <summary>
/// A posted, immutable group of lines whose debits equal its credits in a single currency.
/// It can only be built through <see cref="Create"/>, so an instance is balanced by construction;
/// the database enforces the same rules again (migration 0001) for writers that bypass this type.
/// </summary>
public sealed class JournalEntry
{
    /// <summary>Generous but bounded: an entry with thousands of lines is almost certainly a bug or abuse.</summary>
    public const int MaxLines = 1000;

    public const int MaxMemoLength = 500;

    private JournalEntry(Guid id, Guid userId, Currency currency, DateTimeOffset postedAt, string? memo, IReadOnlyList<JournalLine> lines, Guid? reversesEntryId)
    {
        Id = id;
        UserId = userId;
        Currency = currency;
        PostedAt = postedAt;
        Memo = memo;
        Lines = lines;
        ReversesEntryId = reversesEntryId;
    }

    public Guid Id { get; }

    public Guid UserId { get; }

    public Currency Currency { get; }

    public DateTimeOffset PostedAt { get; }

    public string? Memo { get; }

    public IReadOnlyList<JournalLine> Lines { get; }

    /// <summary>Set when this entry corrects another by mirroring it; posted entries are never edited.</summary>
    public Guid? ReversesEntryId { get; }

    public Money TotalDebits => Total(EntrySide.Debit);

    public Money TotalCredits => Total(EntrySide.Credit);

    public static JournalEntry Create(
        Guid id,
        Guid userId,
        Currency currency,
        DateTimeOffset postedAt,
        string? memo,
        IEnumerable<JournalLine> lines,
        Guid? reversesEntryId = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var copy = lines.ToList().AsReadOnly();
        var errors = Validate(id, userId, currency, memo, copy);
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new JournalEntry(id, userId, currency!, postedAt, memo, copy, reversesEntryId);
    }

    /// <summary>Every broken rule, keyed like a request body (<c>lines[2].amount</c>), so all can be reported at once.</summary>
    public static IReadOnlyList<ValidationError> Validate(Guid id, Guid userId, Currency? currency, string? memo, IReadOnlyList<JournalLine?> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var errors = new List<ValidationError>();
        if (id == Guid.Empty) errors.Add(new("id", "The entry id is required."));
        if (userId == Guid.Empty) errors.Add(new("userId", "The user id is required."));
        if (currency is null) errors.Add(new("currency", "The currency is required."));
        if (memo is { Length: > MaxMemoLength }) errors.Add(new("memo", $"The memo is longer than {MaxMemoLength} characters."));
        if (lines.Count < 2) errors.Add(new("lines", "An entry needs at least two lines."));
        if (lines.Count > MaxLines) errors.Add(new("lines", $"An entry has at most {MaxLines} lines."));

        long debits = 0, credits = 0;
        var totalsValid = currency is not null;
        for (var i = 0; i < lines.Count && i < MaxLines; i++)
        {
            var line = lines[i];
            var field = $"lines[{i}]";
            if (line is null)
            {
                errors.Add(new(field, "The line is missing."));
                totalsValid = false;
                continue;
            }

            if (line.AccountId == Guid.Empty) errors.Add(new($"{field}.accountId", "The account id is required."));
            if (line.Side is not (EntrySide.Debit or EntrySide.Credit)) errors.Add(new($"{field}.side", "The side must be debit or credit."));
            if (line.Amount is null)
            {
                errors.Add(new($"{field}.amount", "The amount is required."));
                totalsValid = false;
                continue;
            }

            if (!line.Amount.IsPositive) errors.Add(new($"{field}.amount", "The amount must be greater than zero."));
            if (currency is not null && line.Amount.Currency != currency)
            {
                errors.Add(new($"{field}.amount", $"The line is in {line.Amount.Currency.Code} but the entry is in {currency.Code}."));
                totalsValid = false;
                continue;
            }

            try
            {
                if (line.Side == EntrySide.Debit) debits = checked(debits + line.Amount.MinorUnits);
                else if (line.Side == EntrySide.Credit) credits = checked(credits + line.Amount.MinorUnits);
            }
            catch (OverflowException)
            {
                errors.Add(new(field, "The entry's total is too large."));
                totalsValid = false;
            }
        }

        // Compared only when every line could be summed: an imbalance on top of a currency error is noise.
        if (totalsValid && lines.Count >= 2 && debits != credits)
        {
            errors.Add(new("lines", $"Debits ({new Money(debits, currency!)}) do not equal credits ({new Money(credits, currency!)})."));
        }

        return errors;
    }

    /// <summary>The correcting entry: the same lines on opposite sides, pointing back at this one.</summary>
    public JournalEntry Reverse(Guid reversalId, DateTimeOffset postedAt, string? memo = null) =>
        Create(reversalId, UserId, Currency, postedAt, memo ?? $"Reversal of {Id}", Lines.Select(l => l.Reversed()), Id);

    private Money Total(EntrySide side) =>
        new(Lines.Where(l => l.Side == side).Sum(l => l.Amount.MinorUnits), Currency);
}
