namespace FinFlow.Analytics.Forecasting.Data;

/// <summary>
/// One M4 frequency's train and test files, paired by series id. The seasonal period is the one M4
/// scores MASE with (weekly 1, daily 1, hourly 24), not the calendar's.
/// </summary>
public sealed record M4Dataset(string Name, int SeasonalPeriod, int Horizon, IReadOnlyList<NamedSeries> Train, IReadOnlyList<NamedSeries> Test)
{
    public static M4Dataset LoadWeekly(string dataDirectory) => Load(dataDirectory, "Weekly", "m4_weekly", 1, 13);

    public static M4Dataset LoadHourly(string dataDirectory) => Load(dataDirectory, "Hourly", "m4_hourly", 24, 48);

    private static M4Dataset Load(string dataDirectory, string name, string prefix, int period, int horizon)
    {
        var train = M4WideCsv.Read(Path.Combine(dataDirectory, prefix + "_train.csv"));
        var testById = M4WideCsv.Read(Path.Combine(dataDirectory, prefix + "_test.csv")).ToDictionary(s => s.Id);
        var test = train.Select(s => testById.TryGetValue(s.Id, out var t)
            ? t
            : throw new InvalidDataException($"{prefix}: series {s.Id} has no test row")).ToList();
        if (test.Any(t => t.Values.Length != horizon))
        {
            throw new InvalidDataException($"{prefix}: every test row must hold {horizon} values");
        }

        return new M4Dataset(name, period, horizon, train, test);
    }
}
