using System.Globalization;

namespace FinFlow.Analytics.Forecasting.Data;

/// <summary>
/// Reads the SSA US births file (<c>year,month,date_of_month,day_of_week,births</c>), the stand-in for a
/// daily revenue series: strong weekly and yearly seasonality and holiday dips.
/// </summary>
public static class SsaBirthsCsv
{
    public static DatedSeries Read(string path)
    {
        var dates = new List<DateOnly>();
        var values = new List<double>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var c = line.Split(',');
            var date = new DateOnly(ParseInt(c[0]), ParseInt(c[1]), ParseInt(c[2]));
            if ((int)date.DayOfWeek != ParseInt(c[3]) % 7)
            {
                throw new InvalidDataException($"births: {date:yyyy-MM-dd} is not day_of_week {c[3]}");
            }

            dates.Add(date);
            values.Add(ParseInt(c[4]));
        }

        return new DatedSeries("us_births_ssa", [.. dates], [.. values]);
    }

    private static int ParseInt(string cell) => int.Parse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
