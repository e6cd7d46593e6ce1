namespace FinFlow.Cli.Processes;

/// <summary>A process <c>up</c> started; <see cref="StartTicks"/> tells it apart from a later process reusing the pid.</summary>
public sealed record ProcessRecord(string Name, string Kind, int Pid, string? StartTicks, int Port, string HealthUrl);
