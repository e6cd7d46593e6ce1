using System.Text.Json.Serialization;

namespace FinFlow.Credit.Scoring.Scorecards;

/// <summary>One feature kept in the scorecard: its bins and the logistic-regression weight on its WoE (always positive).</summary>
public sealed record ScorecardFeature(FeatureBinning Binning, double Weight)
{
    [JsonIgnore]
    public string Name => Binning.Name;

    /// <summary>This feature's contribution to logit(PD) for a value.</summary>
    public double LogitContribution(double value) => Weight * Binning.WoeOf(value);

    /// <summary>The smallest contribution any bin can give: the best attainable bin.</summary>
    [JsonIgnore]
    public double BestLogitContribution => Weight * Binning.Woe.Min();
}
