using System.Globalization;

namespace FinFlow.Analytics.Forecasting.Data;

/// <summary>
/// Reads the M4 competition's wide CSV layout: a header row, then one series per row as a quoted id
/// followed by quoted values. Rows are ragged: a short series ends in empty cells, which are dropped.
/// </summary>
public static class M4WideCsv
{
    public static IReadOnlyList<NamedSeries> Read(string path)
    {
        var series = new List<NamedSeries>();
        using var reader = new StreamReader(path);
        _ = reader.ReadLine(); // header: "V1","V2",...
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            var values = new List<double>(cells.Length - 1);
            for (var i = 1; i < cells.Length; i++)
            {
                var cell = Unquote(cells[i]);
                if (cell.Length == 0)
                {
                    break;
                }

                values.Add(double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture));
            }

            series.Add(new NamedSeries(Unquote(cells[0]).ToString(), [.. values]));
        }

        return series;
    }

    private static ReadOnlySpan<char> Unquote(string cell) => cell.AsSpan().Trim().Trim('"');
}
