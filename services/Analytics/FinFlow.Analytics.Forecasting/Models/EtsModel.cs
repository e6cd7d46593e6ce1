using FinFlow.Analytics.Forecasting.Models.Ets;

namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>One fixed ETS model, e.g. ETS(A,N,N) for SES, ETS(A,A,N) for Holt, ETS(A,Ad,N) for damped trend.</summary>
public sealed class EtsModel(EtsSpec spec, string? name = null) : IForecastModel
{
    public string Name => name ?? spec.Name;

    public bool CanFit(int length, SeriesContext context) => EtsFitter.CanFit(spec, length, context.SeasonalPeriod);

    public IFittedModel Fit(double[] values, SeriesContext context) => EtsFitter.Fit(values, spec, context.SeasonalPeriod);
}
