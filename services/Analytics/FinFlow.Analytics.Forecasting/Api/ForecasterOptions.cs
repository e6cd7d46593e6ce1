namespace FinFlow.Analytics.Forecasting.Api;

/// <summary>Settings of <see cref="Forecaster"/>; the defaults are the service's.</summary>
public sealed record ForecasterOptions
{
    public const int MaxHorizon = 366;

    /// <summary>Decimal places of the returned amounts (the service passes the currency's exponent).</summary>
    public int Decimals { get; init; } = 2;

    public MissingDatePolicy MissingDates { get; init; } = MissingDatePolicy.Reject;

    /// <summary>Backtest origins that calibrate the intervals and measure the model.</summary>
    public int BacktestOrigins { get; init; } = 30;

    /// <summary>Only the most recent points are modelled (daily: three years): older data adds little and costs time.</summary>
    public int MaxHistoryDaily { get; init; } = 3 * 366;

    public int MaxHistoryWeekly { get; init; } = 10 * 53;

    public int MaxHistoryMonthly { get; init; } = 20 * 12;
}
