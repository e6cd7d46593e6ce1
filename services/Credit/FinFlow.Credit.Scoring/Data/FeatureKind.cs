namespace FinFlow.Credit.Scoring.Data;

/// <summary>How a feature is binned: numeric features get ordered, monotone bins; nominal ones group categories.</summary>
public enum FeatureKind
{
    Numeric,
    Nominal,
}
