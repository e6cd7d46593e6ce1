namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>Naive: every future value equals the last observed one.</summary>
public sealed class NaiveModel : IForecastModel
{
    public string Name => "Naive";

    public bool CanFit(int length, SeriesContext context) => length >= 1;

    public IFittedModel Fit(double[] values, SeriesContext context) => new Fitted();

    private sealed class Fitted : IFittedModel
    {
        public double[] Forecast(ReadOnlySpan<double> history, int horizon)
        {
            var forecast = new double[horizon];
            Array.Fill(forecast, history[^1]);
            return forecast;
        }
    }
}
