namespace FinFlow.Auth.Registration;

public sealed record RegisteredUser(Guid Id, string Email);
