using System.Reflection;
using FinFlow.Analytics.Forecasting.Data;

namespace FinFlow.Analytics.Forecasting.Tests;

/// <summary>The shipped data files (services/Analytics/data), loaded once per test run.</summary>
internal static class TestData
{
    public static string Directory { get; } = typeof(TestData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "DataDirectory").Value!;

    private static readonly Lazy<M4Dataset> WeeklySet = new(() => M4Dataset.LoadWeekly(Directory!));
    private static readonly Lazy<M4Dataset> HourlySet = new(() => M4Dataset.LoadHourly(Directory!));

    public static M4Dataset Weekly => WeeklySet.Value;

    public static M4Dataset Hourly => HourlySet.Value;
}
