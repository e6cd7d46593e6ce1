namespace FinFlow.Credit.Benchmark;

/// <summary>
/// Published reference figures printed beside ours. Yeh &amp; Lien (2009, Expert Systems with Applications 36(2),
/// Table 1, validation data) report error rates and the "area ratio" of a cumulative-gains chart, which is the Gini
/// coefficient (2·AUC − 1); the AUC baselines are the ML.NET 5.0.1 cross-validated figures in
/// shared/data-candidates/README.md.
/// </summary>
public static class Published
{
    public const string TaiwanAucBaselines = "LR 0.723 / LightGBM 0.783 (data README)";
    public const string TaiwanGini = "area ratio: LR 0.44, ANN 0.54 (Yeh & Lien)";
    public const string TaiwanErrorRate = "LR 0.18, ANN 0.17, KNN 0.16 (Yeh & Lien)";
    public const string GermanAucBaselines = "LR 0.783 / LightGBM 0.782 (data README)";
}
