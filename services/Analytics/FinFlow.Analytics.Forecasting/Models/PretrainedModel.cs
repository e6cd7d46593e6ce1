namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>
/// A model estimated elsewhere (a global model trained across many series) presented as a method, so
/// an ensemble can include it: fitting it to one series only binds it.
/// </summary>
public sealed class PretrainedModel(string name, IFittedModel fitted) : IForecastModel
{
    public string Name => name;

    public bool CanFit(int length, SeriesContext context) => length >= 1;

    public IFittedModel Fit(double[] values, SeriesContext context) => fitted;
}
