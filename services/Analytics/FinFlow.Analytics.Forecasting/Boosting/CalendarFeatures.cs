namespace FinFlow.Analytics.Forecasting.Boosting;

/// <summary>Day of week, day of month, days to month end, month, day of year, US bank holiday and bridge day: what daily revenue follows.</summary>
internal static class CalendarFeatures
{
    public const int Count = 7;

    public static void Fill(DateOnly date, Span<float> features)
    {
        features[0] = (int)date.DayOfWeek;
        features[1] = date.Day;
        features[2] = DateTime.DaysInMonth(date.Year, date.Month) - date.Day;
        features[3] = date.Month;
        features[4] = date.DayOfYear;
        features[5] = UsBankHolidays.IsHoliday(date) ? 1 : 0;
        features[6] = UsBankHolidays.IsBridgeDay(date) ? 1 : 0;
    }
}
