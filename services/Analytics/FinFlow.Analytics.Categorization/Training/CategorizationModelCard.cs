namespace FinFlow.Analytics.Categorization.Training;

/// <summary>
/// What a trained categorization model is and how well it did on merchants it never saw: written next to the
/// model file so the service (and a reader) knows its version, data, seed and held-out metrics.
/// </summary>
public sealed record CategorizationModelCard(
    string Version,
    string DataSha256,
    int Seed,
    int TrainingRows,
    int CalibrationRows,
    int TestRows,
    int TestMerchants,
    double Accuracy,
    double MacroF1,
    double AbstainThreshold,
    double CoverageAtThreshold,
    double PrecisionAtThreshold);
