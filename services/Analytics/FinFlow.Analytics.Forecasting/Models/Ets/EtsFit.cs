namespace FinFlow.Analytics.Forecasting.Models.Ets;

/// <summary>An estimated ETS model with its information criterion.</summary>
internal sealed record EtsFit(EtsSpec Spec, EtsParameters Parameters, double Criterion, int ParameterCount, int Length) : IFittedModel
{
    /// <summary>AICc as R's ets computes it: criterion + 2k + 2k(k+1)/(n−k−1), k counting σ too.</summary>
    public double Aicc
    {
        get
        {
            var k = ParameterCount + 1;
            return Length - k - 1 <= 0 || !double.IsFinite(Criterion)
                ? double.PositiveInfinity
                : Criterion + 2 * k + 2.0 * k * (k + 1) / (Length - k - 1);
        }
    }

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        var criterion = EtsEngine.Run(history, Spec, Parameters, out var state);
        return double.IsFinite(criterion) || state.Steps == history.Length
            ? EtsEngine.Forecast(Spec, Parameters, state, horizon)
            : LastValue(history, horizon);
    }

    // States that blow up on new data (possible with fixed parameters) fall back to the last value
    // rather than returning NaN into an ensemble.
    private static double[] LastValue(ReadOnlySpan<double> history, int horizon)
    {
        var forecast = new double[horizon];
        Array.Fill(forecast, history[^1]);
        return forecast;
    }
}
