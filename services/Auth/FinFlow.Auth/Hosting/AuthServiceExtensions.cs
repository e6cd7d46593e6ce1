using FinFlow.Auth.Admin;
using FinFlow.Auth.Audit;
using FinFlow.Auth.Keys;
using FinFlow.Auth.Passwords;
using FinFlow.Auth.Sessions;
using FinFlow.Auth.Tokens;
using FinFlow.Auth.Users;
using FinFlow.Contracts;
using FinFlow.ServiceDefaults;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.IdentityModel.Tokens;

namespace FinFlow.Auth.Hosting;

public static class AuthServiceExtensions
{
    /// <summary>
    /// Everything auth needs beyond the service defaults. Signing keys and the admin account come from
    /// the secret store (or configuration, in tests) and are checked here, so a bad secret stops the start.
    /// Called after <c>AddServiceDatabase</c>: the admin bootstrap must run after the migrations.
    /// </summary>
    public static WebApplicationBuilder AddAuthService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddDaprSecrets(DaprComponents.SecretStore, new Dictionary<string, string>
        {
            ["auth-signing-keys"] = SigningKeySet.ConfigurationKey,
            ["auth-admin"] = AdminAccountSettings.ConfigurationKey,
        });
        var jwt = JwtValidation.ReadRequired(builder.Configuration);
        var keys = SigningKeySet.Parse(builder.Configuration[SigningKeySet.ConfigurationKey]);
        var admin = AdminAccountSettings.Parse(builder.Configuration[AdminAccountSettings.ConfigurationKey]);

        var services = builder.Services;
        services.AddSingleton(jwt);
        services.AddSingleton(keys);
        services.AddSingleton(admin);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<PasswordHashingOptions>().Bind(builder.Configuration.GetSection(PasswordHashingOptions.SectionName));
        services.AddOptions<TokenOptions>().Bind(builder.Configuration.GetSection(TokenOptions.SectionName));
        services.AddOptions<LockoutOptions>().Bind(builder.Configuration.GetSection(LockoutOptions.SectionName));
        services.AddSingleton<Argon2idPasswordHasher>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<RefreshTokenService>();
        services.AddSingleton<LoginService>();
        services.AddHostedService<AdminBootstrap>();
        services.AddCredentialRateLimiting(builder.Configuration);

        // Behind the sidecar every request comes from loopback; the gateway's X-Forwarded-For names the client.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.ForwardLimit = 1;
        });

        // Auth checks its own tokens with its own keys: fetching its JWKS from itself would be a loop.
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = JwtValidation.Parameters(jwt);
            options.TokenValidationParameters.IssuerSigningKeys = keys.All.Select(SecurityKey (key) => key.SecurityKey).ToList();
        });
        services.AddAuthorizationBuilder().AddPolicy(UserEndpoints.AdminPolicy, policy => policy.RequireRole(FinFlowRoles.Admin));
        return builder;
    }
}
