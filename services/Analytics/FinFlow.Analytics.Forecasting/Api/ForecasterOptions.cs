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

    /// <summary>
    /// Estimations spread over the backtest origins (1 = once, before the earliest origin). More make the
    /// calibrating errors come from models as fresh as the final one, at the cost of one fit each.
    /// </summary>
    public int BacktestRefits { get; init; } = 1;

    /// <summary>Only the most recent points are modelled (daily: three years): older data adds little and costs time.</summary>
    public int MaxHistoryDaily { get; init; } = 3 * 366;

    public int MaxHistoryWeekly { get; init; } = 10 * 53;

    public int MaxHistoryMonthly { get; init; } = 20 * 12;
}
