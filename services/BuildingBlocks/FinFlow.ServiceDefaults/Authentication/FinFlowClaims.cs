namespace FinFlow.ServiceDefaults.Authentication;

/// <summary>Claim names of FinFlow access tokens, kept as the JWT names (inbound claim mapping is off).</summary>
public static class FinFlowClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string TokenId = "jti";
}
