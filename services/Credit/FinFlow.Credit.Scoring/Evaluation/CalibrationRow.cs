namespace FinFlow.Credit.Scoring.Evaluation;

/// <summary>Predicted against observed default rate for one risk band.</summary>
public sealed record CalibrationRow(RiskBand Band, int Count, double MeanPredicted, double Observed)
{
    /// <summary>|predicted − observed| in percentage points.</summary>
    public double ErrorPoints => Math.Abs(MeanPredicted - Observed) * 100;
}
