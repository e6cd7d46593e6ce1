using System.Text.Json.Serialization;
using FinFlow.Credit.Scoring.Data;

namespace FinFlow.Credit.Scoring.Scorecards;

/// <summary>
/// The bins of one feature with their risk-oriented weight of evidence, WoE = ln(share of bads / share of goods):
/// positive means riskier than average, so scorecard coefficients come out positive.
/// Numeric bins are (UpperEdges[i-1], UpperEdges[i]], the last one open-ended; nominal bins group category codes.
/// </summary>
public sealed class FeatureBinning
{
    public required string Name { get; init; }

    public required FeatureKind Kind { get; init; }

    /// <summary>Numeric only: upper edge of every bin but the last.</summary>
    public double[] UpperEdges { get; init; } = [];

    /// <summary>Nominal only: bin index per category code; codes not seen in training score as WoE 0 (average risk).</summary>
    public int[] BinOfCategory { get; init; } = [];

    public required double[] Woe { get; init; }

    public required int[] Counts { get; init; }

    public required int[] Defaults { get; init; }

    [JsonIgnore]
    public int BinCount => Woe.Length;

    /// <summary>The bin a value falls in, or -1 for a nominal code never seen in training.</summary>
    public int BinOf(double value)
    {
        if (Kind == FeatureKind.Nominal)
        {
            var code = (int)value;
            return code >= 0 && code < BinOfCategory.Length ? BinOfCategory[code] : -1;
        }

        var bin = Array.BinarySearch(UpperEdges, value);
        return bin >= 0 ? bin : ~bin;
    }

    public double WoeOf(double value)
    {
        var bin = BinOf(value);
        return bin < 0 ? 0 : Woe[bin];
    }

    public double DefaultRate(int bin) => Counts[bin] == 0 ? 0 : (double)Defaults[bin] / Counts[bin];

    /// <summary>Information value: how strongly the binned feature separates defaults from non-defaults.</summary>
    [JsonIgnore]
    public double InformationValue
    {
        get
        {
            double totalBad = Defaults.Sum(), totalGood = Counts.Sum() - totalBad;
            double value = 0;
            for (var bin = 0; bin < BinCount; bin++)
            {
                var badShare = Defaults[bin] / totalBad;
                var goodShare = (Counts[bin] - Defaults[bin]) / totalGood;
                value += (badShare - goodShare) * Woe[bin];
            }

            return value;
        }
    }
}
