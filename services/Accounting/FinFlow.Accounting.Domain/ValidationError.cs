namespace FinFlow.Accounting.Domain;

/// <summary>One broken rule, named by the field at fault so an API can map it to a 400's <c>errors</c>.</summary>
public sealed record ValidationError(string Field, string Message);
