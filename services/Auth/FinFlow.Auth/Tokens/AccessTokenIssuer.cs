using FinFlow.Auth.Keys;
using FinFlow.Auth.Users;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FinFlow.Auth.Tokens;

/// <summary>Signs ES256 access tokens with the current key; its <c>kid</c> lands in the header so validators pick the right JWKS entry.</summary>
public sealed class AccessTokenIssuer(SigningKeySet keys, FinFlowJwtOptions jwt, IOptions<TokenOptions> tokens, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public TimeSpan Lifetime => TimeSpan.FromMinutes(tokens.Value.AccessTokenMinutes);

    public string Issue(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(keys.Current.SecurityKey, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object>
            {
                [FinFlowClaims.Subject] = user.Id.ToString(),
                [FinFlowClaims.Email] = user.Email,
                [FinFlowClaims.Role] = user.Role,
                [FinFlowClaims.TokenId] = Guid.NewGuid().ToString("N"),
            },
        });
    }
}
