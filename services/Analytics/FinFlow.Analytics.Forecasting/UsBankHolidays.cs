namespace FinFlow.Analytics.Forecasting;

/// <summary>
/// US federal holidays as observed (Saturday → Friday, Sunday → Monday): the days banks and the ACH
/// network do not settle, so card and transfer cash flows move around them. Bridge days (Christmas
/// Eve, New Year's Eve, the day after Thanksgiving) are when many small businesses close too.
/// </summary>
public static class UsBankHolidays
{
    public static bool IsHoliday(DateOnly date) =>
        ObservedFixed(date, 1, 1) || ObservedFixed(date, 7, 4) || ObservedFixed(date, 11, 11) || ObservedFixed(date, 12, 25)
        || (date.Year >= 2021 && ObservedFixed(date, 6, 19))
        // 1 January falling on a Saturday is observed on the Friday before, in the previous year.
        || (date.Month == 12 && date.Day == 31 && date.DayOfWeek == DayOfWeek.Friday)
        || date == NthWeekday(date.Year, 1, DayOfWeek.Monday, 3)
        || date == NthWeekday(date.Year, 2, DayOfWeek.Monday, 3)
        || date == LastWeekday(date.Year, 5, DayOfWeek.Monday)
        || date == NthWeekday(date.Year, 9, DayOfWeek.Monday, 1)
        || date == NthWeekday(date.Year, 10, DayOfWeek.Monday, 2)
        || date == Thanksgiving(date.Year);

    public static bool IsBridgeDay(DateOnly date) =>
        (date.Month == 12 && date.Day is 24 or 31) || date == Thanksgiving(date.Year).AddDays(1);

    private static DateOnly Thanksgiving(int year) => NthWeekday(year, 11, DayOfWeek.Thursday, 4);

    private static bool ObservedFixed(DateOnly date, int month, int day)
    {
        var holiday = new DateOnly(date.Year, month, day);
        var observed = holiday.DayOfWeek switch
        {
            DayOfWeek.Saturday => holiday.AddDays(-1),
            DayOfWeek.Sunday => holiday.AddDays(1),
            _ => holiday,
        };
        return date == observed;
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int nth)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (nth - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-offset);
    }
}
