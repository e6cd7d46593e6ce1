using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace FinFlow.Sidecar.Invocation;

/// <summary>
/// The private sidecar-to-sidecar hop. The calling sidecar names its app in <see cref="CallerHeader"/> and
/// proves it is a sidecar with <see cref="ProofHeader"/>: an HMAC of caller and callee under a key only
/// sidecars hold. Apps know DAPR_API_TOKEN, so the token alone cannot tell a sidecar from an app that
/// wants to pose as another caller. The key is <c>FINFLOW_SIDECAR_HOP_KEY</c> when set; otherwise the first
/// sidecar of a topology creates a random one next to the name resolution file (owner-only permissions)
/// and the others read it. Both headers are always stripped before anything reaches an app.
/// </summary>
public sealed class SidecarHop
{
    public const string CallerHeader = "x-finflow-hop-caller";
    public const string ProofHeader = "x-finflow-hop-proof";
    public const string KeyVariable = "FINFLOW_SIDECAR_HOP_KEY";

    private readonly Lazy<byte[]?> _key;
    private readonly ConcurrentDictionary<(string Caller, string Callee), string> _proofs = new();

    public SidecarHop(NameResolver resolver)
        : this(Environment.GetEnvironmentVariable(KeyVariable), resolver.Path)
    {
    }

    public SidecarHop(string? configuredKey, string? resolutionFile)
    {
        _key = new Lazy<byte[]?>(() => LoadKey(configuredKey, resolutionFile), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool HasKey => _key.Value is not null;

    /// <summary>The proof a caller sidecar sends; null without a key (then no hop can be trusted).</summary>
    public string? Proof(string caller, string callee) =>
        _key.Value is null ? null : _proofs.GetOrAdd((caller, callee), pair => Compute(_key.Value, pair.Caller, pair.Callee));

    public bool Verify(string caller, string callee, string proof)
    {
        var expected = Proof(caller, callee);
        return expected is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(proof));
    }

    private static string Compute(byte[] key, string caller, string callee) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{caller}\n{callee}")));

    private static byte[]? LoadKey(string? configured, string? resolutionFile)
    {
        if (!string.IsNullOrEmpty(configured)) return Encoding.UTF8.GetBytes(configured);
        if (resolutionFile is null) return null;
        var file = resolutionFile + ".hopkey";
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (File.Exists(file))
            {
                var text = File.ReadAllText(file).Trim();
                if (text.Length == 64) return Convert.FromHexString(text);
            }
            else if (TryCreate(file))
            {
                continue;
            }

            // Another sidecar is between creating and filling the file.
            Thread.Sleep(20);
        }

        throw new InvalidOperationException($"The sidecar hop key file {file} exists but holds no 32-byte hex key.");
    }

    /// <summary>Written under a temporary name and linked into place, so no reader ever sees a partial key.</summary>
    private static bool TryCreate(string file)
    {
        var temporary = $"{file}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        }

        try
        {
            File.Move(temporary, file, overwrite: false);
            return true;
        }
        catch (IOException)
        {
            File.Delete(temporary);
            return false;
        }
    }
}
