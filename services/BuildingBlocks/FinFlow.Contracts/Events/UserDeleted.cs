namespace FinFlow.Contracts.Events;

/// <summary>A user exercised GDPR erasure; every service removes or anonymises what it holds for them.</summary>
public sealed record UserDeleted(Guid UserId, DateTimeOffset DeletedAt) : IIntegrationEvent
{
    public static string Topic => Topics.UserDeleted;
}
