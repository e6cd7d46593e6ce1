namespace FinFlow.Credit.Scoring.Evaluation;

/// <summary>Calibration by band: are the probabilities of default what the bands then observe?</summary>
public static class CalibrationTable
{
    public static IReadOnlyList<CalibrationRow> Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> defaulted, RiskBandTable bands)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(defaulted);
        ArgumentNullException.ThrowIfNull(bands);
        return Enumerable.Range(0, probabilities.Count)
            .GroupBy(row => bands.Band(probabilities[row]))
            .OrderBy(group => group.Key)
            .Select(group => new CalibrationRow(
                group.Key,
                group.Count(),
                group.Average(row => probabilities[row]),
                group.Average(row => defaulted[row] ? 1.0 : 0.0)))
            .ToArray();
    }
}
