namespace FinFlow.Analytics.Categorization;

/// <summary>Up to <see cref="CategorizationEndpoints.MaxBatch"/> lines categorized in one call, answers in the same order.</summary>
public sealed record CategorizeBatchRequest(IReadOnlyList<CategorizeRequest?>? Items);
