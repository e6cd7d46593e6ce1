namespace FinFlow.Contracts.Events;

/// <summary>One forecast day with its 80% and 95% prediction intervals.</summary>
public sealed record ForecastPoint(DateOnly Ds, decimal Yhat, decimal Lo80, decimal Hi80, decimal Lo95, decimal Hi95);
