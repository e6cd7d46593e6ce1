using Microsoft.IdentityModel.Tokens;

namespace FinFlow.ServiceDefaults.Authentication;

/// <summary>The validation rules every FinFlow service applies to an access token; only the key source differs.</summary>
public static class JwtValidation
{
    public static TokenValidationParameters Parameters(FinFlowJwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = options.Issuer,
            ValidateAudience = true,
            ValidAudience = options.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [FinFlowJwtOptions.Algorithm],
            ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
            NameClaimType = FinFlowClaims.Subject,
            RoleClaimType = FinFlowClaims.Role,
        };
    }

    /// <summary>Reads the section and refuses to go on without an issuer and an audience: a validator without them would accept too much.</summary>
    public static FinFlowJwtOptions ReadRequired(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new FinFlowJwtOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(FinFlowJwtOptions.SectionName), options);
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer)) missing.Add($"{FinFlowJwtOptions.SectionName}:Issuer");
        if (string.IsNullOrWhiteSpace(options.Audience)) missing.Add($"{FinFlowJwtOptions.SectionName}:Audience");
        if (options.ClockSkewSeconds is < 0 or > 300) missing.Add($"{FinFlowJwtOptions.SectionName}:ClockSkewSeconds (0-300)");
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"JWT validation is not configured: set {string.Join(", ", missing)}. The service does not start without them rather than accept unchecked tokens.");
        }

        return options;
    }
}
