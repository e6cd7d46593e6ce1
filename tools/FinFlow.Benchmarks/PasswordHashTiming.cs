using System.Diagnostics;
using FinFlow.Auth.Passwords;
using Microsoft.Extensions.Options;

namespace FinFlow.Benchmarks;

/// <summary>
/// The Argon2id cost of one login, measured in this process with auth's own <see cref="Argon2idPasswordHasher"/>
/// and <see cref="PasswordHashingOptions"/> defaults (what auth ships: appsettings.json does not override them).
/// A login verifies one stored hash (the same derivation as hashing); one at a time, so no queueing is counted.
/// </summary>
public static class PasswordHashTiming
{
    public const int Samples = 20;

    public static async Task<(double VerifyMedianMs, double HashMedianMs, string Parameters)> MeasureAsync(CancellationToken cancellationToken)
    {
        using var hasher = new Argon2idPasswordHasher(Options.Create(new PasswordHashingOptions()));
        const string password = "benchmark-password-not-secret";
        var stored = await hasher.HashAsync(password);
        // The parameters as the PHC string records them, e.g. m=19456,t=2,p=1.
        var parameters = stored.Split('$')[3];
        for (var i = 0; i < 2; i++) await hasher.VerifyAsync(password, stored); // warm-up: JIT, libsodium init

        var verify = new List<double>(Samples);
        var hash = new List<double>(Samples);
        for (var i = 0; i < Samples; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            if (!await hasher.VerifyAsync(password, stored)) throw new InvalidOperationException("the hasher rejected its own hash");
            verify.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            await hasher.HashAsync(password);
            hash.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (Median(verify), Median(hash), parameters);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
