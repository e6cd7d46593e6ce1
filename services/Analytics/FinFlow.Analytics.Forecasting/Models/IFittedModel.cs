namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>A model whose parameters are estimated.</summary>
public interface IFittedModel
{
    /// <summary>
    /// Forecasts <paramref name="horizon"/> steps after the end of <paramref name="history"/>. The history
    /// starts where the fitted series started and may run past its end: rolling-origin backtests then
    /// filter the states through the newer data with the parameters kept fixed, so one estimation
    /// serves many origins and every error stays out of sample.
    /// </summary>
    double[] Forecast(ReadOnlySpan<double> history, int horizon);
}
