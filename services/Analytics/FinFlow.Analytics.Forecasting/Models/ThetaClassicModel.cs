using FinFlow.Analytics.Forecasting.Models.Ets;

namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>
/// The classic Theta method as the M4 benchmark code defines it (Assimakopoulos and Nikolopoulos 2000):
/// theta line 0 is the least-squares line, theta line 2 is 2·y − line0 forecast by SES (ETS(A,N,N)
/// with optimised initial level), the forecast is their equal-weight mean, negatives set to zero.
/// Apply it to the seasonally adjusted series (<see cref="SeasonallyAdjustedModel"/>) for M4's Theta.
/// </summary>
public sealed class ThetaClassicModel : IForecastModel
{
    private static readonly EtsSpec Ses = new(false, EtsTrend.None, EtsSeason.None);

    public string Name => "ThetaClassic";

    public bool CanFit(int length, SeriesContext context) => EtsFitter.CanFit(Ses, length, context.SeasonalPeriod);

    public IFittedModel Fit(double[] values, SeriesContext context)
    {
        var line = LinearTrend.Fit(values);
        var ses = EtsFitter.Fit(ThetaLine(values, line), Ses, context.SeasonalPeriod);
        return new Fitted(line, ses);
    }

    private static double[] ThetaLine(ReadOnlySpan<double> y, LinearTrend line)
    {
        var z = new double[y.Length];
        for (var t = 0; t < y.Length; t++)
        {
            z[t] = 2 * y[t] - line.At(t + 1);
        }

        return z;
    }

    private sealed class Fitted(LinearTrend line, EtsFit ses) : IFittedModel
    {
        public double[] Forecast(ReadOnlySpan<double> history, int horizon)
        {
            var sesForecast = ses.Forecast(ThetaLine(history, line), horizon);
            var forecast = new double[horizon];
            for (var j = 0; j < horizon; j++)
            {
                forecast[j] = Math.Max(0, 0.5 * sesForecast[j] + 0.5 * line.At(history.Length + j + 1));
            }

            return forecast;
        }
    }
}
