namespace FinFlow.Auth.Audit;

/// <summary>The <c>action</c> values of <c>audit_log</c>.</summary>
public static class AuditActions
{
    public const string Registered = "registered";
    public const string LoginSucceeded = "login_succeeded";
    public const string LoginFailed = "login_failed";
    public const string LoginWhileLocked = "login_while_locked";
    public const string AccountLocked = "account_locked";
    public const string RefreshReused = "refresh_token_reused";
    public const string Logout = "logout";
    public const string RoleChanged = "role_changed";
    public const string AdminCreated = "admin_created";
}
