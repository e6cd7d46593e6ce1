using System.Globalization;

namespace FinFlow.Analytics.Forecasting.Data;

/// <summary>Reads long-format CSV (<c>id,date,value</c> with a header), one series per id in file order.</summary>
public static class LongFormatCsv
{
    public static IReadOnlyList<DatedSeries> Read(string path)
    {
        var order = new List<string>();
        var rows = new Dictionary<string, (List<DateOnly> Dates, List<double> Values)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            var id = cells[0].Trim('"');
            if (!rows.TryGetValue(id, out var series))
            {
                series = ([], []);
                rows[id] = series;
                order.Add(id);
            }

            series.Dates.Add(DateOnly.ParseExact(cells[1].Trim('"'), "yyyy-MM-dd", CultureInfo.InvariantCulture));
            series.Values.Add(double.Parse(cells[2].Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return order.Select(id => new DatedSeries(id, [.. rows[id].Dates], [.. rows[id].Values])).ToList();
    }
}
