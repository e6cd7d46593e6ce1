using System.Globalization;

namespace FinFlow.Credit.Scoring.Data;

/// <summary>
/// A header plus comma-separated rows. The two shipped credit files have no quoted fields, so a plain split is
/// exact; a row with the wrong number of fields is rejected rather than guessed at.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string[] header, List<string[]> rows)
    {
        _columns = header.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        Rows = rows;
    }

    public IReadOnlyList<string[]> Rows { get; }

    public static CsvTable Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty.")).Trim().Split(',');
        var rows = new List<string[]>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var fields = line.Trim().Split(',');
            if (fields.Length != header.Length)
                throw new InvalidDataException($"{path}:{lineNumber} has {fields.Length} fields, expected {header.Length}.");
            rows.Add(fields);
        }

        return new CsvTable(header, rows);
    }

    public int Column(string name) =>
        _columns.TryGetValue(name, out var index) ? index : throw new InvalidDataException($"Column '{name}' is missing.");

    public static double Number(string field) => double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);
}
