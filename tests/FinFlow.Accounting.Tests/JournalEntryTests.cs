using FinFlow.Accounting.Domain;
using FinFlow.Accounting.Domain.Ledger;
using FinFlow.Accounting.Domain.Monetary;
using Xunit;

namespace FinFlow.Accounting.Tests;

public class JournalEntryTests
{
    private static readonly Guid User = Guid.NewGuid();
    private static readonly Guid Cash = Guid.NewGuid();
    private static readonly Guid Revenue = Guid.NewGuid();
    private static readonly Guid Tax = Guid.NewGuid();

    private static Money Usd(long minor) => new(minor, Currency.USD);

    private static JournalEntry Create(params JournalLine[] lines) =>
        JournalEntry.Create(Guid.NewGuid(), User, Currency.USD, DateTimeOffset.UtcNow, "test", lines);

    [Fact]
    public void A_balanced_entry_is_created_with_its_totals()
    {
        var entry = Create(
            JournalLine.Debit(Cash, Usd(1100)),
            JournalLine.Credit(Revenue, Usd(1000)),
            JournalLine.Credit(Tax, Usd(100)));

        Assert.Equal(3, entry.Lines.Count);
        Assert.Equal(Usd(1100), entry.TotalDebits);
        Assert.Equal(Usd(1100), entry.TotalCredits);
    }

    [Fact]
    public void Debits_different_from_credits_are_refused()
    {
        var error = Assert.Throws<DomainValidationException>(() => Create(
            JournalLine.Debit(Cash, Usd(1000)),
            JournalLine.Credit(Revenue, Usd(999))));

        var single = Assert.Single(error.Errors);
        Assert.Equal("lines", single.Field);
        Assert.Equal("Debits (10.00 USD) do not equal credits (9.99 USD).", single.Message);
    }

    [Fact]
    public void Fewer_than_two_lines_are_refused()
    {
        var error = Assert.Throws<DomainValidationException>(() => Create(JournalLine.Debit(Cash, Usd(1000))));

        Assert.Contains(error.Errors, e => e is { Field: "lines", Message: "An entry needs at least two lines." });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void Zero_or_negative_lines_are_refused(long minor)
    {
        var error = Assert.Throws<DomainValidationException>(() => Create(
            JournalLine.Debit(Cash, Usd(minor)),
            JournalLine.Credit(Revenue, Usd(minor))));

        Assert.Equal(["lines[0].amount", "lines[1].amount"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_line_in_another_currency_is_refused()
    {
        var error = Assert.Throws<DomainValidationException>(() => Create(
            JournalLine.Debit(Cash, Usd(1000)),
            JournalLine.Credit(Revenue, new Money(1000, Currency.EUR))));

        var single = Assert.Single(error.Errors);
        Assert.Equal("lines[1].amount", single.Field);
        Assert.Contains("EUR", single.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var errors = JournalEntry.Validate(Guid.Empty, Guid.Empty, Currency.USD, new string('x', 501), [
            new JournalLine(Guid.Empty, (EntrySide)9, Usd(5)),
            null,
        ]);

        Assert.Equal(["id", "userId", "memo", "lines[0].accountId", "lines[0].side", "lines[1]"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Too_many_lines_are_refused()
    {
        var lines = Enumerable.Range(0, JournalEntry.MaxLines + 1)
            .Select(i => i % 2 == 0 ? JournalLine.Debit(Cash, Usd(1)) : JournalLine.Credit(Revenue, Usd(1)))
            .ToList();

        var errors = JournalEntry.Validate(Guid.NewGuid(), User, Currency.USD, null, lines);

        Assert.Contains(errors, e => e.Field == "lines" && e.Message.Contains("at most", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reversal_mirrors_every_line_and_points_back()
    {
        var original = Create(
            JournalLine.Debit(Cash, Usd(1100)),
            JournalLine.Credit(Revenue, Usd(1000)),
            JournalLine.Credit(Tax, Usd(100)));

        var reversal = original.Reverse(Guid.NewGuid(), DateTimeOffset.UtcNow);

        Assert.Equal(original.Id, reversal.ReversesEntryId);
        Assert.Equal([EntrySide.Credit, EntrySide.Debit, EntrySide.Debit], reversal.Lines.Select(l => l.Side));
        Assert.Equal(original.TotalDebits, reversal.TotalCredits);
    }
}
