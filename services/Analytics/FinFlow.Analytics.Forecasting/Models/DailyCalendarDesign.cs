namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>
/// Regressors of the daily model for one date: intercept, day-of-week dummies (Sunday the baseline),
/// yearly Fourier pairs sin/cos(2πk·dayOfYear/365.25) for k = 1..K, and flags for the first and last
/// day of the month (rent, payroll and card settlements cluster there), and US bank holidays and
/// bridge days (no ACH settlement; many businesses closed).
/// </summary>
internal sealed record DailyCalendarDesign(int FourierTerms)
{
    private const double DaysPerYear = 365.25;

    public int Width => 1 + 6 + 2 * FourierTerms + 4;

    /// <summary>Yearly terms only with enough history to estimate them: none under a year, few under two.</summary>
    public static DailyCalendarDesign ForLength(int days) => new(days switch
    {
        >= 730 => 10,
        >= 400 => 4,
        _ => 0,
    });

    public void Fill(DateOnly date, Span<double> row)
    {
        row.Clear();
        row[0] = 1;
        if (date.DayOfWeek != DayOfWeek.Sunday)
        {
            row[(int)date.DayOfWeek] = 1;
        }

        var i = 7;
        for (var k = 1; k <= FourierTerms; k++)
        {
            var angle = 2 * Math.PI * k * date.DayOfYear / DaysPerYear;
            row[i++] = Math.Sin(angle);
            row[i++] = Math.Cos(angle);
        }

        row[i++] = date.Day == 1 ? 1 : 0;
        row[i++] = date.Day == DateTime.DaysInMonth(date.Year, date.Month) ? 1 : 0;
        row[i++] = UsBankHolidays.IsHoliday(date) ? 1 : 0;
        row[i] = UsBankHolidays.IsBridgeDay(date) ? 1 : 0;
    }
}
