using FinFlow.Credit.Scoring.Features;
using FinFlow.Credit.Scoring.Scorecards;

namespace FinFlow.Credit.Scoring.Models;

/// <summary>
/// manifest.json of a model version: which model shipped and everything needed to score with it besides its own
/// file: column order, score scale, band cut points and the business mapping.
/// </summary>
public sealed record ModelManifest
{
    public required string ModelVersion { get; init; }

    /// <summary>"scorecard" or "challenger".</summary>
    public required string Shipped { get; init; }

    public required IReadOnlyList<string> Features { get; init; }

    public required ScoreScale Scale { get; init; }

    public required RiskBandTable Bands { get; init; }

    public required MappingParameters Mapping { get; init; }

    /// <summary>SHA-256 (hex) of the training file.</summary>
    public required string DataSha256 { get; init; }

    public required int Seed { get; init; }

    /// <summary>Challenger only: calibrated log-odds per unit of raw boosted score.</summary>
    public double ChallengerContributionScale { get; init; }
}
