namespace FinFlow.Benchmarks;

/// <summary>Everything one accounting run measured, for <see cref="AccountingReport"/>.</summary>
public sealed record AccountingResults(
    string ServerVersion,
    LatencyStats InvoicesDistinctUsers,
    LatencyStats InvoicesSharedUser,
    LatencyStats? Pgbench,
    string? PgbenchSkipped,
    long InvoicesCreated,
    long EventsPublished,
    (long Unsent, string? LastError) OutboxBacklog,
    LatencyStats TrialBalanceSmall,
    LatencyStats TrialBalanceBig,
    (long Lines, long DailyTotals) SmallJournal,
    (long Lines, long DailyTotals) BigJournal,
    long LinesLoaded,
    TimeSpan LoadTime);
