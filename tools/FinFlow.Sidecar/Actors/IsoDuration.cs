namespace FinFlow.Sidecar.Actors;

/// <summary>
/// A duration as dapr/kit's time package parses it: calendar parts (years, months, days) kept apart from the
/// clock part because they are added to a date, and <see cref="Repetitions"/> from an <c>R&lt;n&gt;/</c> prefix
/// (-1 when absent, meaning unlimited).
/// </summary>
public readonly record struct IsoDuration(int Years, int Months, int Days, TimeSpan Time, int Repetitions)
{
    public bool HasCalendarPart => Years != 0 || Months != 0 || Days != 0;

    public bool IsZero => !HasCalendarPart && Time == TimeSpan.Zero;

    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);
}
