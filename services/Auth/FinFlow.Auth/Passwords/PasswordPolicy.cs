namespace FinFlow.Auth.Passwords;

/// <summary>
/// Minimum strength, after OWASP ASVS 4 §2.1: 12 to 128 characters, any characters allowed, no
/// composition rules; rejected when it is one of the most common passwords, has fewer than 5 distinct
/// characters, or contains the email's local part.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1234", "password12345", "password123456", "123456789012", "1234567890123", "qwertyuiop12",
        "qwertyuiop123", "iloveyou1234", "administrator", "letmein12345", "welcome12345", "passw0rd1234",
        "changeme1234", "abcdefghijkl", "abc123456789", "qwerty123456", "111111111111", "monkey123456",
        "dragon123456", "football1234", "baseball1234", "sunshine1234", "princess1234", "trustno11234",
    };

    /// <summary>What is wrong with the password, or null when it is acceptable.</summary>
    public static string? Check(string password, string email)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(email);
        if (password.Length < MinimumLength) return $"The password must have at least {MinimumLength} characters.";
        if (password.Length > MaximumLength) return $"The password must have at most {MaximumLength} characters.";
        if (password.Distinct().Count() < 5) return "The password must have at least 5 different characters.";
        if (Common.Contains(password)) return "The password is too common.";
        var local = email.Split('@')[0];
        if (local.Length >= 3 && password.Contains(local, StringComparison.OrdinalIgnoreCase)) return "The password must not contain the email address.";
        return null;
    }
}
