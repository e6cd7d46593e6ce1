namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>A forecasting method: estimates its parameters on a series and returns the fitted model.</summary>
public interface IForecastModel
{
    string Name { get; }

    /// <summary>Whether the method has enough data to be estimated on a series of this length.</summary>
    bool CanFit(int length, SeriesContext context);

    IFittedModel Fit(double[] values, SeriesContext context);
}
