namespace FinFlow.Auth.Tokens;

/// <summary>The answer of login and refresh; <c>expiresIn</c> is the access token's lifetime in seconds.</summary>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");
