namespace FinFlow.Analytics.Forecasting.Api;

/// <summary>
/// Checks a forecast request and lays the history on its regular calendar grid. Every problem is
/// collected under the request field it concerns, then reported at once.
/// </summary>
internal static class HistoryValidator
{
    private const int MaxPositions = 100_000;

    public static (DateOnly[] Dates, double[] Values) Validate(
        IReadOnlyList<(DateOnly Ds, double Y)>? history, int horizon, Frequency frequency, IReadOnlyList<int> levels, MissingDatePolicy missingDates)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (horizon is < 1 or > ForecasterOptions.MaxHorizon)
        {
            Add("horizon", $"must be between 1 and {ForecasterOptions.MaxHorizon}");
        }

        if (!Enum.IsDefined(frequency))
        {
            Add("frequency", "must be daily, weekly or monthly");
        }

        if (levels.Any(l => l is < 1 or > 99) || levels.Distinct().Count() != levels.Count)
        {
            Add("levels", "each level must be a distinct whole percentage between 1 and 99");
        }

        if (history is null || history.Count < 2)
        {
            Add("historical", "at least 2 points are required");
        }
        else
        {
            for (var i = 0; i < history.Count; i++)
            {
                if (!double.IsFinite(history[i].Y))
                {
                    Add($"historical[{i}].y", "must be a finite number");
                }

                if (i > 0 && history[i].Ds == history[i - 1].Ds)
                {
                    Add($"historical[{i}].ds", $"duplicate date {history[i].Ds:yyyy-MM-dd}");
                }
                else if (i > 0 && history[i].Ds < history[i - 1].Ds)
                {
                    Add($"historical[{i}].ds", "dates must be in ascending order");
                }
            }
        }

        if (errors.Count == 0)
        {
            var regular = OnGrid(history!, frequency, missingDates, out var gapField, out var gapMessage);
            if (regular is not null)
            {
                return regular.Value;
            }

            Add(gapField!, gapMessage!);
        }

        throw new ForecastValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static (DateOnly[], double[])? OnGrid(
        IReadOnlyList<(DateOnly Ds, double Y)> history, Frequency frequency, MissingDatePolicy missingDates, out string? field, out string? message)
    {
        var axis = new TimeAxis(history[0].Ds, frequency);
        var dates = new List<DateOnly>(history.Count);
        var values = new List<double>(history.Count);
        var position = 0;
        for (var i = 0; i < history.Count; i++)
        {
            while (axis.At(position) < history[i].Ds && dates.Count < MaxPositions)
            {
                if (missingDates == MissingDatePolicy.Reject)
                {
                    (field, message) = ($"historical[{i}].ds", $"{axis.At(position):yyyy-MM-dd} is missing from the {frequency.ToString().ToLowerInvariant()} series");
                    return null;
                }

                dates.Add(axis.At(position++));
                values.Add(0);
            }

            if (axis.At(position) != history[i].Ds || dates.Count >= MaxPositions)
            {
                (field, message) = ($"historical[{i}].ds", dates.Count >= MaxPositions
                    ? $"the history spans more than {MaxPositions} periods"
                    : $"{history[i].Ds:yyyy-MM-dd} is not on the {frequency.ToString().ToLowerInvariant()} grid starting {history[0].Ds:yyyy-MM-dd}");
                return null;
            }

            dates.Add(history[i].Ds);
            values.Add(history[i].Y);
            position++;
        }

        (field, message) = (null, null);
        return ([.. dates], [.. values]);
    }
}
