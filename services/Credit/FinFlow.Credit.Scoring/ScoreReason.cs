namespace FinFlow.Credit.Scoring;

/// <summary>One reason a score is not higher: a fixed code, its fixed wording, and the points it cost.</summary>
public sealed record ScoreReason(string Code, string Text, int Impact);
