using FinFlow.Analytics.Forecasting.Data;
using Xunit;

namespace FinFlow.Analytics.Forecasting.Tests;

public class DataLoaderTests
{
    [Fact]
    public void The_long_format_daily_file_holds_four_series_with_their_dates()
    {
        var series = LongFormatCsv.Read(Path.Combine(TestData.Directory, "m4_daily_4series_train.csv"));

        Assert.Equal(["D10", "D160", "D410", "D500"], series.Select(s => s.Id).ToArray());
        Assert.Equal(9743, series.Sum(s => s.Values.Length));
        Assert.Equal(674, series[0].Values.Length);
        Assert.Equal(new DateOnly(2014, 7, 3), series[0].Dates[0]);
        Assert.Equal(2076.2, series[0].Values[0]);
        Assert.All(series, s => Assert.True(s.Dates.Zip(s.Dates.Skip(1)).All(p => p.Second == p.First.AddDays(1))));
    }

    [Fact]
    public void The_wide_daily_test_file_pairs_with_the_long_train_file()
    {
        var test = M4WideCsv.Read(Path.Combine(TestData.Directory, "m4_daily_4series_test.csv"));

        Assert.Equal(["D10", "D160", "D410", "D500"], test.Select(s => s.Id).ToArray());
        Assert.All(test, s => Assert.Equal(14, s.Values.Length));
    }

    [Fact]
    public void The_births_file_is_a_gapless_daily_series_whose_weekdays_check_out()
    {
        var births = SsaBirthsCsv.Read(Path.Combine(TestData.Directory, "us_births_ssa_2000_2014.csv"));

        Assert.Equal(5479, births.Values.Length);
        Assert.Equal(new DateOnly(2000, 1, 1), births.Dates[0]);
        Assert.Equal(new DateOnly(2014, 12, 31), births.Dates[^1]);
        Assert.Equal(9083, births.Values[0]);
    }

    [Fact]
    public void Bank_holidays_follow_the_observance_rules()
    {
        Assert.True(UsBankHolidays.IsHoliday(new DateOnly(2020, 7, 3)));   // 4 July on a Saturday
        Assert.True(UsBankHolidays.IsHoliday(new DateOnly(2022, 12, 26))); // Christmas on a Sunday
        Assert.True(UsBankHolidays.IsHoliday(new DateOnly(2014, 11, 27))); // Thanksgiving
        Assert.True(UsBankHolidays.IsHoliday(new DateOnly(2014, 5, 26)));  // Memorial Day
        Assert.False(UsBankHolidays.IsHoliday(new DateOnly(2014, 6, 19))); // Juneteenth only from 2021
        Assert.True(UsBankHolidays.IsBridgeDay(new DateOnly(2014, 11, 28)));
    }
}
