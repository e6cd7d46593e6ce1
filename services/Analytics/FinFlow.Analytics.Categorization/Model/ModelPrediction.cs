namespace FinFlow.Analytics.Categorization.Model;

/// <summary>The model's answer for one description: its best category and that category's probability.</summary>
public sealed record ModelPrediction(string Category, double Confidence);
