using System.Globalization;
using FinFlow.Credit.Scoring;
using FinFlow.Credit.Scoring.Data;
using FinFlow.Credit.Scoring.Evaluation;

namespace FinFlow.Credit.Benchmark;

/// <summary>Turns out-of-fold results into benchmark rows.</summary>
public static class CreditEvaluation
{
    public static IEnumerable<BenchmarkRow> Discrimination(string model, CrossValidationResult result, CreditDataset data, string aucReference, string aucAim, string giniReference = "", string errorReference = "")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(data);
        var metrics = result.Metrics(data.Defaulted);
        yield return new BenchmarkRow($"{model} AUC", F(metrics.Auc), aucReference, aucAim);
        yield return new BenchmarkRow($"{model} Gini (2·AUC−1)", F(metrics.Gini), giniReference);
        yield return new BenchmarkRow($"{model} KS", F(metrics.Ks));
        yield return new BenchmarkRow($"{model} Brier", F(metrics.Brier), "", "reported");
        yield return new BenchmarkRow($"{model} error rate at PD 0.5", F(metrics.ErrorRate), errorReference);
    }

    public static IEnumerable<BenchmarkRow> Calibration(string model, CrossValidationResult result, CreditDataset data)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(data);
        foreach (var row in CalibrationTable.Compute(result.Probabilities, data.Defaulted, RiskBandTable.Standard))
        {
            yield return new BenchmarkRow(
                $"{model} calibration band {row.Band} ({row.Count} rows)",
                string.Create(CultureInfo.InvariantCulture, $"predicted {row.MeanPredicted:P1}, observed {row.Observed:P1}: {row.ErrorPoints:F2} pts"),
                "",
                "< 2 pts");
        }
    }

    public static BenchmarkRow DeclineReasons(string model, CrossValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var declines = Enumerable.Range(0, result.Probabilities.Length)
            .Where(row => RiskBandTable.Standard.Band(result.Probabilities[row]) == RiskBand.E)
            .ToArray();
        var withReasons = declines.Count(row => result.HasReason[row]);
        var share = declines.Length == 0 ? 1 : (double)withReasons / declines.Length;
        return new BenchmarkRow($"{model} declines (band E) with ≥ 1 reason", string.Create(CultureInfo.InvariantCulture, $"{share:P1} ({withReasons} of {declines.Length})"), "", "100%");
    }

    public static IEnumerable<BenchmarkRow> DisparateImpactRows(CrossValidationResult result, CreditDataset data)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(data);
        var approved = result.Probabilities.Select(pd => RiskBandTable.Standard.Band(pd) != RiskBand.E).ToArray();
        foreach (var group in Scoring.Evaluation.DisparateImpact.Compute(approved, data.ProtectedGroups))
        {
            yield return new BenchmarkRow(
                $"approval ratio {group.Attribute}: {group.Group} ({group.Count})",
                string.Create(CultureInfo.InvariantCulture, $"{group.RatioToBest:F3} (approval {group.ApprovalRate:P1})"),
                "four-fifths rule: ≥ 0.800",
                group.PassesFourFifths ? "pass" : "FAIL");
        }
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
