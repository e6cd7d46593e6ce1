namespace FinFlow.Analytics.Forecasting.Api;

/// <summary>A central prediction interval at Level percent.</summary>
public sealed record PredictionInterval(int Level, decimal Lo, decimal Hi);
