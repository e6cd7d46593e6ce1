namespace FinFlow.Credit.Scoring.Training;

/// <summary>One row of a scorecard's points table.</summary>
public sealed record PointsBin(string Range, int Count, double DefaultRate, double Woe, double Points);
