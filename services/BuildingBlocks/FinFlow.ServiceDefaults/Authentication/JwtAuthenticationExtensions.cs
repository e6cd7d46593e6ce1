using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FinFlow.ServiceDefaults.Authentication;

public static class JwtAuthenticationExtensions
{
    /// <summary>
    /// Bearer authentication for FinFlow access tokens: keys from auth's JWKS fetched through Dapr service
    /// invocation and cached (<see cref="JwksKeyCache"/>); issuer, audience, lifetime and ES256 signature
    /// checked. Throws at start-up when <c>Authentication:Jwt:Issuer</c> or <c>Audience</c> is missing.
    /// </summary>
    public static WebApplicationBuilder AddFinFlowJwtAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = JwtValidation.ReadRequired(builder.Configuration);
        var sidecar = JwksAddress.SidecarBase(builder.Configuration);
        var apiToken = builder.Configuration["DAPR_API_TOKEN"];

        builder.Services.AddHttpClient(JwksKeyCache.HttpClientName, client =>
        {
            client.BaseAddress = sidecar;
            client.Timeout = TimeSpan.FromSeconds(5);
            // The sidecar refuses API calls without its token once DAPR_API_TOKEN is set.
            if (!string.IsNullOrEmpty(apiToken)) client.DefaultRequestHeaders.Add("dapr-api-token", apiToken);
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<JwksKeyCache>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwksKeyCache>((bearer, cache) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = JwtValidation.Parameters(options);
                bearer.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, kid, _) => cache.Resolve(kid);
                bearer.Events = new JwtBearerEvents { OnMessageReceived = context => EnsureKeysAsync(context, cache) };
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// The key resolver is synchronous, so the fetch happens here, before validation: a token naming a key
    /// id not yet known (auth rotated) triggers one refresh and is then validated against the new keys.
    /// </summary>
    private static Task EnsureKeysAsync(MessageReceivedContext context, JwksKeyCache cache)
    {
        string header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.CompletedTask;
        var token = header["Bearer ".Length..].Trim();
        context.Token = token;
        string? kid = null;
        try
        {
            kid = new JsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            // Malformed: validation rejects it; no reason to fetch keys for it.
            return Task.CompletedTask;
        }

        return cache.EnsureFreshAsync(kid, context.HttpContext.RequestAborted);
    }
}
