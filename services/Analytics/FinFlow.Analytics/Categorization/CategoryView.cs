namespace FinFlow.Analytics.Categorization;

/// <summary>A category of the taxonomy: <c>kind</c> is expense or income; <c>mccs</c> the code ranges mapped to it.</summary>
public sealed record CategoryView(string Name, string Kind, IReadOnlyList<string> Mccs);
