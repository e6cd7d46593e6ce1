namespace FinFlow.Analytics.Categorization;

/// <summary>A correction: this description (and its merchant) belongs to <c>category</c> from now on, for this user.</summary>
public sealed record FeedbackRequest(string? Description, string? Category);
