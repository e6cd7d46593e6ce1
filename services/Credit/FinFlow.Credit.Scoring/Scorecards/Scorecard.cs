using System.Text.Json.Serialization;

namespace FinFlow.Credit.Scoring.Scorecards;

/// <summary>
/// A trained WoE scorecard. The additive part is raw log-odds = Intercept + Σ weight × WoE(bin of feature), which
/// the points table splits per feature (intercept shared equally); <see cref="Calibration"/> then maps raw log-odds
/// to calibrated log-odds, which give the probability of default and the shown score. A feature's points lost is
/// the score it would gain in its best bin, everything else unchanged: the basis of the reason codes. A column whose
/// input was not given gets WoE 0, the points of an average applicant.
/// </summary>
public sealed class Scorecard : ICreditScorer
{
    private int[]? _inputIndex;

    /// <summary>The full input row layout the scorecard was trained on (names of every input column, in order).</summary>
    public required IReadOnlyList<string> InputFeatures { get; init; }

    public required IReadOnlyList<ScorecardFeature> Features { get; init; }

    public required double Intercept { get; init; }

    public required ScoreScale Scale { get; init; }

    /// <summary>Raw to calibrated log-odds; null means the raw log-odds are used as they are.</summary>
    public ScoreCalibration? Calibration { get; init; }

    [JsonIgnore]
    public string Kind => "scorecard";

    [JsonIgnore]
    private int[] InputIndex => _inputIndex ??= Features.Select(feature => IndexOfInput(feature.Name)).ToArray();

    public double DefaultLogit(IReadOnlyList<double> values, IReadOnlyList<bool>? observed = null) => Calibrate(RawLogit(values, observed));

    /// <summary>The additive log-odds before calibration.</summary>
    public double RawLogit(IReadOnlyList<double> values, IReadOnlyList<bool>? observed = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var logit = Intercept;
        for (var i = 0; i < Features.Count; i++)
            logit += Contribution(i, values, observed);
        return logit;
    }

    public double ProbabilityOfDefault(IReadOnlyList<double> values) => ScoreScale.Sigmoid(DefaultLogit(values));

    public IReadOnlyList<double> PointsLost(IReadOnlyList<double> values, IReadOnlyList<bool>? observed = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var raw = RawLogit(values, observed);
        var calibrated = Calibrate(raw);
        var lost = new double[InputFeatures.Count];
        for (var i = 0; i < Features.Count; i++)
        {
            var atBest = Calibrate(raw - Contribution(i, values, observed) + Features[i].BestLogitContribution);
            lost[InputIndex[i]] = Scale.Factor * (calibrated - atBest);
        }

        return lost;
    }

    /// <summary>The additive points a bin earns, given its contribution to the raw log-odds (before calibration).</summary>
    public double BinPoints(double logitContribution) =>
        (-Scale.Factor * logitContribution) + ((Scale.Offset - (Scale.Factor * Intercept)) / Features.Count);

    private double Calibrate(double rawLogit) => Calibration?.Map(rawLogit) ?? rawLogit;

    private double Contribution(int feature, IReadOnlyList<double> values, IReadOnlyList<bool>? observed)
    {
        var input = InputIndex[feature];
        return observed is null || observed[input] ? Features[feature].LogitContribution(values[input]) : 0;
    }

    private int IndexOfInput(string name)
    {
        for (var i = 0; i < InputFeatures.Count; i++)
            if (InputFeatures[i] == name)
                return i;
        throw new InvalidOperationException($"Scorecard feature '{name}' is not among its input features.");
    }
}
