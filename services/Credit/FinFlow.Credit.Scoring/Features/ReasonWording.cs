namespace FinFlow.Credit.Scoring.Features;

/// <summary>
/// The fixed wording of one model column's reason: one code and text for a weak value, another for an optional
/// input that was not given. <see cref="Drivers"/> are the request fields that move the column.
/// </summary>
public sealed record ReasonWording(string Feature, string Code, string Text, string MissingCode, string MissingText, IReadOnlyList<string> Drivers);
