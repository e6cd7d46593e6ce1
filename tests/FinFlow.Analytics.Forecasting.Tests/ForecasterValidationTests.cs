using FinFlow.Analytics.Forecasting.Api;
using Xunit;

namespace FinFlow.Analytics.Forecasting.Tests;

/// <summary>Bad input is refused with the request field it concerns, named as the service's 400 answer names it.</summary>
public class ForecasterValidationTests
{
    private static readonly Forecaster Forecaster = new();
    private static readonly DateOnly Day = new(2025, 3, 1);

    private static List<(DateOnly, decimal)> Days(params decimal[] values) => [.. values.Select((v, i) => (Day.AddDays(i), v))];

    private static ForecastValidationException Refused(Action forecast) => Assert.Throws<ForecastValidationException>(forecast);

    [Fact]
    public void Fewer_than_two_points_are_refused()
    {
        var error = Refused(() => Forecaster.Forecast(Days(5m), 7, Frequency.Daily));

        Assert.Equal("historical", error.Field);
        Assert.Contains("at least 2", error.Errors["historical"][0], StringComparison.Ordinal);
        Assert.Equal("historical", Refused(() => Forecaster.Forecast(null!, 7, Frequency.Daily)).Field);
    }

    [Fact]
    public void Duplicate_and_unsorted_dates_name_the_offending_point()
    {
        List<(DateOnly, decimal)> duplicate = [(Day, 1m), (Day.AddDays(1), 2m), (Day.AddDays(1), 3m)];
        List<(DateOnly, decimal)> unsorted = [(Day.AddDays(1), 1m), (Day, 2m), (Day.AddDays(2), 3m)];

        var duplicateError = Refused(() => Forecaster.Forecast(duplicate, 7, Frequency.Daily));
        var unsortedError = Refused(() => Forecaster.Forecast(unsorted, 7, Frequency.Daily));

        Assert.Equal("historical[2].ds", duplicateError.Field);
        Assert.Contains("duplicate", duplicateError.Errors["historical[2].ds"][0], StringComparison.Ordinal);
        Assert.Equal("historical[1].ds", unsortedError.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(367)]
    public void A_horizon_outside_1_to_366_is_refused(int horizon)
    {
        Assert.Equal("horizon", Refused(() => Forecaster.Forecast(Days(1m, 2m, 3m), horizon, Frequency.Daily)).Field);
    }

    [Fact]
    public void Non_finite_values_are_refused()
    {
        List<(DateOnly, double)> history = [(Day, 1), (Day.AddDays(1), double.NaN), (Day.AddDays(2), double.PositiveInfinity)];

        var error = Refused(() => Forecaster.ForecastValues(history, 7, Frequency.Daily));

        Assert.Equal(["historical[1].y", "historical[2].y"], error.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        List<(DateOnly, double)> history = [(Day, 1), (Day, double.NaN)];

        var error = Refused(() => Forecaster.ForecastValues(history, 400, (Frequency)9, [80, 80]));

        Assert.Equal(["frequency", "historical[1].ds", "historical[1].y", "horizon", "levels"], error.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public void A_missing_day_is_refused_by_default_and_filled_with_zero_when_asked()
    {
        List<(DateOnly, decimal)> gap = [(Day, 10m), (Day.AddDays(1), 12m), (Day.AddDays(3), 11m), (Day.AddDays(4), 13m)];

        var error = Refused(() => Forecaster.Forecast(gap, 3, Frequency.Daily));
        var filled = new Forecaster(new ForecasterOptions { MissingDates = MissingDatePolicy.FillWithZero }).Forecast(gap, 3, Frequency.Daily);

        Assert.Equal("historical[2].ds", error.Field);
        Assert.Contains("2025-03-03 is missing", error.Errors["historical[2].ds"][0], StringComparison.Ordinal);
        Assert.Equal(Day.AddDays(5), filled.Forecast[0].Ds);
    }

    [Fact]
    public void Dates_off_the_weekly_grid_are_refused()
    {
        List<(DateOnly, decimal)> history = [(Day, 1m), (Day.AddDays(7), 2m), (Day.AddDays(15), 3m)];

        Assert.Equal("historical[2].ds", Refused(() => Forecaster.Forecast(history, 4, Frequency.Weekly)).Field);
    }
}
