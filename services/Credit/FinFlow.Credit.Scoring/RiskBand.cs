namespace FinFlow.Credit.Scoring;

/// <summary>Risk bands from lowest (A) to highest (E) probability of default; E is a decline.</summary>
public enum RiskBand
{
    A,
    B,
    C,
    D,
    E,
}
