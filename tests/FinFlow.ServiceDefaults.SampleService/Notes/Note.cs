namespace FinFlow.ServiceDefaults.SampleService.Notes;

public sealed record Note(Guid Id, string Text, decimal Amount, DateTime CreatedAt);
