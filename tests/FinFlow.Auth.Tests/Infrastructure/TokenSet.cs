using System.Text.Json;

namespace FinFlow.Auth.Tests.Infrastructure;

public sealed record TokenSet(string AccessToken, string RefreshToken, int ExpiresIn)
{
    public static TokenSet From(JsonElement body) => new(
        body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!, body.GetProperty("expiresIn").GetInt32());
}
