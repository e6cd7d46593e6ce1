using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace FinFlow.Auth.Passwords;

/// <summary>
/// Argon2id through libsodium (NSec), stored in the PHC string format
/// <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c> so each hash carries the parameters it was made with.
/// </summary>
public sealed class Argon2idPasswordHasher : IDisposable
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Prefix = "$argon2id$v=19$";

    private readonly PasswordHashingOptions _options;
    private readonly string _dummyHash;
    private readonly SemaphoreSlim _gate;

    public Argon2idPasswordHasher(IOptions<PasswordHashingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _gate = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
        // Verified in place of a missing account's hash, so "no such user" costs what "wrong password" costs.
        _dummyHash = Hash(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
    }

    public async Task<string> HashAsync(string password)
    {
        await _gate.WaitAsync();
        try
        {
            return Hash(password);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Checks a password against a stored hash, or against the dummy hash when there is none.</summary>
    public async Task<bool> VerifyAsync(string password, string? storedHash)
    {
        await _gate.WaitAsync();
        try
        {
            return Verify(password, storedHash ?? _dummyHash) && storedHash is not null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, _options.MemoryKiB, _options.Iterations);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}m={_options.MemoryKiB},t={_options.Iterations},p=1${Encode(salt)}${Encode(hash)}");
    }

    private static bool Verify(string password, string storedHash)
    {
        if (!TryParse(storedHash, out var memory, out var iterations, out var salt, out var expected)) return false;
        var actual = Derive(password, salt, memory, iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when the hash was made with other parameters than today's, so it should be replaced.</summary>
    public bool NeedsRehash(string storedHash) =>
        !TryParse(storedHash, out var memory, out var iterations, out _, out _)
        || memory != _options.MemoryKiB || iterations != _options.Iterations;

    private static byte[] Derive(string password, byte[] salt, int memoryKiB, int iterations)
    {
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = memoryKiB,
            NumberOfPasses = iterations,
        });
        return algorithm.DeriveBytes(password, salt, HashBytes);
    }

    private static bool TryParse(string stored, out int memory, out int iterations, out byte[] salt, out byte[] hash)
    {
        memory = iterations = 0;
        salt = hash = [];
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var parts = stored[Prefix.Length..].Split('$');
        if (parts.Length != 3) return false;
        foreach (var parameter in parts[0].Split(','))
        {
            var pair = parameter.Split('=');
            if (pair.Length != 2 || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
            switch (pair[0])
            {
                case "m": memory = value; break;
                case "t": iterations = value; break;
                case "p" when value == 1: break;
                default: return false;
            }
        }

        try
        {
            salt = Decode(parts[1]);
            hash = Decode(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        return memory > 0 && iterations > 0 && salt.Length == SaltBytes && hash.Length == HashBytes;
    }

    // PHC strings use standard base64 without padding.
    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] Decode(string text) => Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
