using System.Text.Json;

namespace FinFlow.Auth.Admin;

/// <summary>
/// The first admin, from configuration <c>Auth:Admin</c> (secret <c>auth-admin</c>):
/// <c>{"email": "admin@example.com", "password": "..."}</c>. There is no default: without it the service does not start.
/// </summary>
public sealed record AdminAccountSettings(string Email, string Password)
{
    public const string ConfigurationKey = "Auth:Admin";

    public static AdminAccountSettings Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InvalidOperationException($"No admin account: set secret 'auth-admin' (configuration '{ConfigurationKey}').");
        }

        AdminAccountSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<AdminAccountSettings>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"'{ConfigurationKey}' must be a JSON object with email and password.", e);
        }

        if (settings is null || string.IsNullOrWhiteSpace(settings.Email) || !settings.Email.Contains('@', StringComparison.Ordinal)
            || string.IsNullOrEmpty(settings.Password))
        {
            throw new InvalidOperationException($"'{ConfigurationKey}' must be a JSON object with an email and a password.");
        }

        return settings with { Email = settings.Email.Trim() };
    }
}
