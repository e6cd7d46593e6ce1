namespace FinFlow.Benchmarks;

/// <summary>A small state value of the kind FinFlow services keep (about 120 bytes of JSON).</summary>
public sealed record BenchValue(string Account, long AmountMinor, string Currency, string Memo, DateTimeOffset At);
