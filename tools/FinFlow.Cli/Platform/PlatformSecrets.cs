using System.Security.Cryptography;
using System.Text.Json;

namespace FinFlow.Cli.Platform;

/// <summary>
/// <c>.finflow/secrets.json</c>: a flat JSON object read by the <c>secretstores.local.file</c> component.
/// Passwords and tokens are generated once and kept; connection strings are rewritten on every
/// <c>up</c> because the servers' ports may change. Mode 0600: only the owner reads it.
/// </summary>
public sealed class PlatformSecrets
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly SortedDictionary<string, string> _values;

    private PlatformSecrets(SortedDictionary<string, string> values) => _values = values;

    public static PlatformSecrets Load(string path)
    {
        if (!File.Exists(path)) return new PlatformSecrets(new SortedDictionary<string, string>(StringComparer.Ordinal));
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
            ?? throw new CliException($"{path}: not a JSON object of strings");
        return new PlatformSecrets(new SortedDictionary<string, string>(values, StringComparer.Ordinal));
    }

    public string this[string key]
    {
        get => _values.TryGetValue(key, out var value) ? value : throw new CliException($"secret '{key}' is missing from secrets.json");
        set => _values[key] = value;
    }

    public bool Contains(string key) => _values.ContainsKey(key);

    /// <summary>A random secret created on first use and kept from then on.</summary>
    public string Generated(string key)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            _values[key] = value;
        }

        return value;
    }

    public void Save(string path)
    {
        var temporary = path + ".tmp";
        // Create the file with owner-only permissions before any secret is written into it.
        using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            JsonSerializer.Serialize(stream, _values, Indented);
        }

        File.Move(temporary, path, overwrite: true);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
