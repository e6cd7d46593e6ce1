namespace FinFlow.Analytics.Forecasting.Tests;

/// <summary>Series with known structure; noise from a seeded generator so every run sees the same data.</summary>
internal static class Synthetic
{
    public static double[] Trend(int n, double start, double slope) => [.. Enumerable.Range(0, n).Select(t => start + slope * t)];

    /// <summary>level·(1 + amplitude·sin(2πt/period)), optionally with multiplicative noise.</summary>
    public static double[] Season(int n, int period, double level, double amplitude, double noise = 0, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(t =>
            level * (1 + amplitude * Math.Sin(2 * Math.PI * t / period)) * (1 + noise * Gaussian(random)))];
    }

    public static double[] LevelShift(int n, int shiftAt, double before, double after, double noise = 0, int seed = 2)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(t => (t < shiftAt ? before : after) + noise * Gaussian(random))];
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Daily cash-flow-like series: weekday pattern, a month-end spike, a slow trend and noise.</summary>
    public static (DateOnly[] Dates, double[] Values) Daily(DateOnly start, int days, double noise, int seed = 3, double monthEnd = 800)
    {
        var random = new Random(seed);
        double[] weekday = [200, 1000, 1100, 1050, 1000, 1300, 400]; // Sunday..Saturday
        var dates = Enumerable.Range(0, days).Select(start.AddDays).ToArray();
        var values = dates.Select((d, t) => weekday[(int)d.DayOfWeek] + 0.2 * t
            + (d.Day == DateTime.DaysInMonth(d.Year, d.Month) ? monthEnd : 0) + noise * Gaussian(random)).ToArray();
        return (dates, values);
    }
}
