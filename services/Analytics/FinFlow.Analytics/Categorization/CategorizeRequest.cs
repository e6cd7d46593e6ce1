namespace FinFlow.Analytics.Categorization;

/// <summary>One transaction line to categorize: its bank description, and optionally amount and merchant category code.</summary>
public sealed record CategorizeRequest(string? Description, decimal? Amount, string? Mcc);
