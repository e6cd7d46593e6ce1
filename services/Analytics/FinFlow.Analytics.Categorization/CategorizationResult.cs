namespace FinFlow.Analytics.Categorization;

/// <summary>An answer: the category, the confidence (1 for a user's rule) and where it came from: <c>rule</c>, <c>model</c> or <c>none</c> (abstained).</summary>
public sealed record CategorizationResult(string Category, double Confidence, string Source);
