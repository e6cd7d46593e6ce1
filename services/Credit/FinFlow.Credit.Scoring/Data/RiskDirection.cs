namespace FinFlow.Credit.Scoring.Data;

/// <summary>
/// The direction in which default risk moves as a numeric feature grows. Fixed from domain knowledge for the
/// production features so the scorecard stays monotone (and so explainable) whatever the sample says;
/// <see cref="Learned"/> lets the training fold decide (used for the German check file).
/// </summary>
public enum RiskDirection
{
    IncreasesRisk,
    DecreasesRisk,
    Learned,
}
