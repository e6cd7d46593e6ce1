using System.Globalization;

namespace FinFlow.Sidecar.Resources;

/// <summary>An inclusive range from a resiliency <c>matching</c> list such as <c>"500-599,409"</c>.</summary>
public sealed record StatusCodeRange(int From, int To)
{
    public bool Contains(int code) => code >= From && code <= To;

    public static IReadOnlyList<StatusCodeRange> ParseList(YamlCursor cursor)
    {
        var text = cursor.AsString();
        if (text is null) return [];
        var ranges = new List<StatusCodeRange>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2
                || !int.TryParse(bounds[0], CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(bounds[^1], CultureInfo.InvariantCulture, out var to)
                || to < from)
            {
                throw cursor.Error($"'{part}' is not a status code or range");
            }

            ranges.Add(new StatusCodeRange(from, to));
        }

        return ranges;
    }
}
