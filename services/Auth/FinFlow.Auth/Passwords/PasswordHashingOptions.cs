namespace FinFlow.Auth.Passwords;

/// <summary>
/// Argon2id cost, section <c>Auth:PasswordHashing</c>. The defaults are OWASP's first recommended set
/// (19 MiB, 2 passes, 1 lane). Tests lower them through configuration only; hashes record their own
/// parameters, so raising the cost later rehashes each password at its next successful login.
/// </summary>
public sealed class PasswordHashingOptions
{
    public const string SectionName = "Auth:PasswordHashing";

    public int MemoryKiB { get; set; } = 19 * 1024;

    public int Iterations { get; set; } = 2;

    /// <summary>
    /// Hashes computed at once. Each takes <see cref="MemoryKiB"/> of memory, so a login flood must queue
    /// here rather than run the process out of memory; more than the cores would only add latency.
    /// </summary>
    public int MaxConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);
}
