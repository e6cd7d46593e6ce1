namespace FinFlow.Credit.Scoring.Training;

/// <summary>The points table of one scorecard feature; reason impact = best bin's points − the applicant's bin's points.</summary>
public sealed record PointsTableEntry(string Feature, double Weight, double InformationValue, IReadOnlyList<PointsBin> Bins);
