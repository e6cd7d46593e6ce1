using MathNet.Numerics.LinearAlgebra;

namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>
/// Regression with ETS errors for daily series: least squares on day of week, yearly Fourier terms and
/// month-start/month-end flags, then AutoETS (additive, non-seasonal: level, trend or damped trend) on
/// the residuals carries the level drift the calendar cannot. Forecast = calendar effect + ETS residual.
/// </summary>
public sealed class DailyRegressionModel : IForecastModel
{
    private const int MinimumDays = 28;

    // A tiny ridge keeps the normal equations solvable when a regressor is constant on a short series.
    private const double Ridge = 1e-6;

    private readonly AutoEtsModel residualModel = new();

    public string Name => "DailyRegressionETS";

    public bool CanFit(int length, SeriesContext context) =>
        length >= MinimumDays && context.Axis is { Frequency: Frequency.Daily };

    public IFittedModel Fit(double[] values, SeriesContext context)
    {
        var axis = context.Axis ?? throw new ArgumentException("the daily regression needs dates", nameof(context));
        var design = DailyCalendarDesign.ForLength(values.Length);
        var x = Matrix<double>.Build.Dense(values.Length, design.Width);
        var row = new double[design.Width];
        for (var t = 0; t < values.Length; t++)
        {
            design.Fill(axis.At(t), row);
            x.SetRow(t, row);
        }

        var xt = x.Transpose();
        var gram = xt * x;
        var penalty = Ridge * (gram.Trace() / design.Width + 1);
        for (var i = 0; i < design.Width; i++)
        {
            gram[i, i] += penalty;
        }

        var coefficients = gram.Cholesky().Solve(xt * Vector<double>.Build.DenseOfArray(values)).ToArray();
        var fitted = new Fitted(design, axis, coefficients, null!);
        var residuals = fitted.Residuals(values);
        return fitted with { ResidualModel = residualModel.Fit(residuals, new SeriesContext(1)) };
    }

    private sealed record Fitted(DailyCalendarDesign Design, TimeAxis Axis, double[] Coefficients, IFittedModel ResidualModel) : IFittedModel
    {
        public double[] Forecast(ReadOnlySpan<double> history, int horizon)
        {
            var residualForecast = ResidualModel.Forecast(Residuals(history), horizon);
            var forecast = new double[horizon];
            for (var j = 0; j < horizon; j++)
            {
                forecast[j] = CalendarEffect(history.Length + j) + residualForecast[j];
            }

            return forecast;
        }

        public double[] Residuals(ReadOnlySpan<double> y)
        {
            var residuals = new double[y.Length];
            for (var t = 0; t < y.Length; t++)
            {
                residuals[t] = y[t] - CalendarEffect(t);
            }

            return residuals;
        }

        private double CalendarEffect(int position)
        {
            Span<double> row = stackalloc double[Design.Width];
            Design.Fill(Axis.At(position), row);
            var sum = 0.0;
            for (var i = 0; i < row.Length; i++)
            {
                sum += row[i] * Coefficients[i];
            }

            return sum;
        }
    }
}
