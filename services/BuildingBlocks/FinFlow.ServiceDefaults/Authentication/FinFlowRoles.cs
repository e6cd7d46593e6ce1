namespace FinFlow.ServiceDefaults.Authentication;

/// <summary>The two roles of the platform: a user sees their own data; an admin sees everyone's.</summary>
public static class FinFlowRoles
{
    public const string User = "USER";
    public const string Admin = "ADMIN";

    public static IReadOnlyList<string> All { get; } = [User, Admin];
}
