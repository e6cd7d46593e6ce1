namespace FinFlow.Auth.Users;

/// <summary>What the API shows of an account: never the hash or lockout state.</summary>
public sealed record UserView(Guid Id, string Email, string Role, DateTime CreatedAt)
{
    public static UserView From(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserView(user.Id, user.Email, user.Role, user.CreatedAt);
    }
}
