using FinFlow.Analytics.Forecasting.Models;
using Microsoft.ML;

namespace FinFlow.Analytics.Forecasting.Boosting;

/// <summary>A trained boosting model forecasting recursively: each prediction becomes a lag of the next.</summary>
internal sealed class LightGbmForecaster(LagFeatureSpec spec, TimeAxis? axis, PredictionEngine<FeatureRow, ScoreRow> engine) : IFittedModel
{
    // PredictionEngine is not thread-safe; the M4 benchmark forecasts series in parallel.
    private readonly Lock gate = new();

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        var n = history.Length;
        var buffer = new double[n + horizon];
        history.CopyTo(buffer);
        var row = new FeatureRow { Features = new float[spec.FeatureCount] };
        for (var t = n; t < n + horizon; t++)
        {
            var scaling = spec.Window(buffer, t);
            spec.Fill(buffer, t, scaling, axis, row.Features);
            float score;
            lock (gate)
            {
                score = engine.Predict(row).Score;
            }

            buffer[t] = float.IsFinite(score) ? scaling.Denormalize(score) : buffer[t - 1];
        }

        return buffer[n..];
    }
}
