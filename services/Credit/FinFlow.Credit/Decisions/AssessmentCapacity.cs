namespace FinFlow.Credit.Decisions;

/// <summary>
/// The cash-flow figures an assessment keeps for pricing offers: the books' currency (null before any books), the
/// average monthly net cash flow and, when analytics answered, the P10 of the next 30 days' net cash flow.
/// </summary>
public sealed record AssessmentCapacity(string? Currency, decimal AvgCashflow, decimal? ForecastP10);
