namespace FinFlow.Accounting.Reports;

/// <summary>
/// Movements of the Cash account per period, with every period of the range present (zero when quiet), so
/// the dashboard and the forecaster get a regular series.
/// </summary>
public sealed record CashFlowReport(string? Currency, string Granularity, DateOnly From, DateOnly To, IReadOnlyList<CashFlowPoint> Points);
