namespace FinFlow.Analytics.Forecasting;

/// <summary>Maps a position in a regularly spaced series to its calendar date.</summary>
public sealed record TimeAxis(DateOnly Start, Frequency Frequency)
{
    public DateOnly At(int index) => Frequency switch
    {
        Frequency.Daily => Start.AddDays(index),
        Frequency.Weekly => Start.AddDays(7 * index),
        // Month-end starts stay on month ends (Jan 31 → Feb 28/29 → Mar 31), as accounting periods do.
        Frequency.Monthly => Start.Day == DateTime.DaysInMonth(Start.Year, Start.Month)
            ? EndOfMonth(Start.AddMonths(index))
            : Start.AddMonths(index),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    private static DateOnly EndOfMonth(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
}
