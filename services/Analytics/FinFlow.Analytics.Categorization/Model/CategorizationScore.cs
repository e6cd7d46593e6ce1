using Microsoft.ML.Data;

namespace FinFlow.Analytics.Categorization.Model;

/// <summary>The model's output row: the most likely category and the probability of every category.</summary>
public sealed class CategorizationScore
{
    [ColumnName("PredictedLabel")]
    public string Predicted { get; set; } = string.Empty;

    public float[] Score { get; set; } = [];
}
