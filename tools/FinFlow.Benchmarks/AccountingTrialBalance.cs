using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FinFlow.Benchmarks;

/// <summary>
/// <c>GET /accounting/trial-balance</c> latency, one call at a time, for a small and a big journal. Calls alternate
/// between the two users so that noise from other work on the machine falls on both alike.
/// </summary>
public static class AccountingTrialBalance
{
    public const int Calls = 200;
    public const int WarmupCalls = 20;

    public static async Task<(LatencyStats Small, LatencyStats Big)> MeasureAsync(
        HttpClient http, string smallToken, string bigToken, string smallName, string bigName, CancellationToken cancellationToken)
    {
        for (var i = 0; i < WarmupCalls; i++)
        {
            await CallAsync(http, smallToken, cancellationToken);
            await CallAsync(http, bigToken, cancellationToken);
        }

        var small = new Series(smallName, smallToken);
        var big = new Series(bigName, bigToken);
        for (var i = 0; i < Calls; i++)
        {
            await small.CallAsync(http, cancellationToken);
            await big.CallAsync(http, cancellationToken);
        }

        return (small.Stats(), big.Stats());
    }

    /// <summary>One call; a non-200 answer or a trial balance whose totals disagree is an error, not a fast sample.</summary>
    private static async Task CallAsync(HttpClient http, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "accounting/trial-balance");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"GET /accounting/trial-balance answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.GetProperty("accounts").GetArrayLength() == 0 || root.GetProperty("totalDebit").GetDecimal() != root.GetProperty("totalCredit").GetDecimal())
        {
            throw new InvalidOperationException($"the trial balance is empty or out of balance: {body}");
        }
    }

    private sealed class Series(string name, string token)
    {
        private readonly List<double> _latenciesMs = new(Calls);
        private readonly Stopwatch _busy = new();
        private long _errors;

        public async Task CallAsync(HttpClient http, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            _busy.Start();
            try
            {
                await AccountingTrialBalance.CallAsync(http, token, cancellationToken);
                _latenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception error) when (error is HttpRequestException or InvalidOperationException or JsonException)
            {
                if (++_errors == 1) Console.Error.WriteLine($"  first error ({name}): {error.Message}");
            }
            finally
            {
                _busy.Stop();
            }
        }

        public LatencyStats Stats() => LatencyStats.From(name, 1, _latenciesMs, _errors, _busy.Elapsed);
    }
}
