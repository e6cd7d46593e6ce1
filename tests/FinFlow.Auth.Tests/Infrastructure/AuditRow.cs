namespace FinFlow.Auth.Tests.Infrastructure;

public sealed record AuditRow(string Action, Guid? UserId, string? Email, string? Ip, string? TraceId, string? Detail);
