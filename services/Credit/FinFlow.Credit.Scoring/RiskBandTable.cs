using FinFlow.Credit.Scoring.Scorecards;

namespace FinFlow.Credit.Scoring;

/// <summary>
/// Band cut points on the probability of default: A below 10%, B below 20%, C below 35%, D below 50%, E from 50%
/// (more likely to default than not: the decline band). On the standard scale these are scores of about
/// 566, 542, 520 and 502.
/// </summary>
public sealed record RiskBandTable(IReadOnlyList<double> UpperDefaultProbabilities)
{
    public static RiskBandTable Standard { get; } = new([0.10, 0.20, 0.35, 0.50]);

    public RiskBand Band(double probabilityOfDefault)
    {
        for (var band = 0; band < UpperDefaultProbabilities.Count; band++)
            if (probabilityOfDefault < UpperDefaultProbabilities[band])
                return (RiskBand)band;
        return RiskBand.E;
    }

    /// <summary>The lowest score of each band but E on a scale: a score at or above it (unclamped) is in the band or better.</summary>
    public IReadOnlyList<double> ScoreCuts(ScoreScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return UpperDefaultProbabilities.Select(pd => scale.PointsForDefaultLogit(ScoreScale.Logit(pd))).ToArray();
    }
}
