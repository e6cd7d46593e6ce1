using FinFlow.Credit.Scoring.Evaluation;
using FinFlow.Credit.Scoring.Features;
using FinFlow.Credit.Scoring.Scorecards;

namespace FinFlow.Credit.Scoring.Training;

/// <summary>
/// model-card.json: what a model version was trained on, how it did on its hold-out, which candidate shipped and
/// why, its calibration, points table, mapping and disparate-impact report. Nothing time-dependent is in it, so the
/// same data and seed write the same card.
/// </summary>
public sealed record ModelCard
{
    public required string ModelVersion { get; init; }

    public required string TrainingFile { get; init; }

    public required string DataSha256 { get; init; }

    public required int Seed { get; init; }

    public required int DevelopmentRows { get; init; }

    public required int HoldOutRows { get; init; }

    public required string Shipped { get; init; }

    public required string ShipReason { get; init; }

    public required ModelEvaluation Scorecard { get; init; }

    public required ModelEvaluation Challenger { get; init; }

    /// <summary>Shipped model, hold-out rows.</summary>
    public required IReadOnlyList<CalibrationRow> Calibration { get; init; }

    /// <summary>Shipped model, hold-out rows, approval = any band but E.</summary>
    public required IReadOnlyList<GroupApproval> DisparateImpact { get; init; }

    public required IReadOnlyList<PointsTableEntry> PointsTable { get; init; }

    public required MappingParameters Mapping { get; init; }

    public required RiskBandTable Bands { get; init; }

    public required IReadOnlyList<double> BandScoreCuts { get; init; }

    public required ScoreScale Scale { get; init; }

    public required IReadOnlyList<string> ExcludedAttributes { get; init; }
}
