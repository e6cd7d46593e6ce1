using System.Diagnostics;
using System.Globalization;

namespace FinFlow.Benchmarks;

/// <summary>
/// The money loop at fixed concurrency, one signed-in user per worker: create an invoice, charge it in full with
/// <c>pm_card_visa</c> (fresh Idempotency-Key), poll the invoice until <c>PAID</c>. Charge and charge → PAID latencies
/// are kept per worker during the measured phase only; paid and unpaid invoices are counted in every phase, so the
/// ledger check knows what each user's books must show.
/// </summary>
public sealed class MoneyLoop(MoneyClient client, BenchmarkOptions options)
{
    public const decimal InvoiceAmount = 125.00m;

    public const string CardSource = "pm_card_visa";

    public static readonly TimeSpan PaidTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly List<double>[] _chargeMs = NewLists(options.Concurrency);
    private readonly List<double>[] _chargeToPaidMs = NewLists(options.Concurrency);
    private readonly int[] _paid = new int[options.Concurrency];
    private readonly int[] _unpaid = new int[options.Concurrency];
    private readonly long[] _polls = new long[options.Concurrency];
    private string[] _tokens = [];
    private bool _measuring;
    private long _timeouts;
    private long _chargeErrors;

    public int Users => options.Concurrency;

    public IReadOnlyList<string> AccessTokens => _tokens;

    /// <summary>Invoices of this worker's user that reached PAID (warm-up and probe included).</summary>
    public int PaidInvoices(int worker) => _paid[worker];

    /// <summary>Invoices of this worker's user whose loop failed before PAID was seen (still owed, unless paid late).</summary>
    public int UnpaidInvoices(int worker) => _unpaid[worker];

    /// <summary>Registers and signs in one user per worker through the gateway.</summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        _tokens = new string[Users];
        for (var worker = 0; worker < Users; worker++)
        {
            _tokens[worker] = await client.SignUpAsync(string.Create(CultureInfo.InvariantCulture, $"bench-money-{_runId}-{worker}@example.com"), ct);
        }
    }

    /// <summary>
    /// One loop must complete before anything is timed: each service fetches auth's JWKS on its first token, and the
    /// pub/sub subscriptions start with the sidecars. Retries until it works or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task ProbeAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await LoopAsync(0, 0, ct);
                return;
            }
            catch (Exception error) when (error is HttpRequestException or TimeoutException or TaskCanceledException
                && !ct.IsCancellationRequested && DateTime.UtcNow < deadline)
            {
                Console.WriteLine($"  not yet: {error.Message}");
                await Task.Delay(1000, ct);
            }
        }
    }

    /// <summary>The warm-up (discarded) and the measured phase, through <see cref="LoadRunner"/>.</summary>
    public async Task<MoneyResults> RunAsync(CancellationToken ct)
    {
        var loop = await LoadRunner.RunAsync("loop: invoice → charge → PAID", options, LoopAsync, () => Volatile.Write(ref _measuring, true), ct);
        return new MoneyResults(
            loop,
            LatencyStats.From("charge: POST /api/payments/charge", Users, [.. _chargeMs.SelectMany(l => l)], Interlocked.Read(ref _chargeErrors), loop.Elapsed),
            LatencyStats.From("charge → PAID seen", Users, [.. _chargeToPaidMs.SelectMany(l => l)], Interlocked.Read(ref _timeouts), loop.Elapsed),
            Interlocked.Read(ref _timeouts),
            loop.Operations == 0 ? double.NaN : (double)_polls.Sum() / loop.Operations);
    }

    private async Task LoopAsync(int worker, long iteration, CancellationToken ct)
    {
        var token = _tokens[worker];
        var measuring = Volatile.Read(ref _measuring);
        var invoice = await client.CreateInvoiceAsync(token, InvoiceAmount, ct);
        _unpaid[worker]++;
        var charged = Stopwatch.GetTimestamp();
        string status;
        try
        {
            status = await client.ChargeAsync(token, invoice, InvoiceAmount, CardSource, ct);
        }
        catch (Exception error) when (measuring && error is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Interlocked.Increment(ref _chargeErrors);
            throw;
        }

        if (measuring) _chargeMs[worker].Add(Stopwatch.GetElapsedTime(charged).TotalMilliseconds);
        if (status == "FAILED") throw new InvalidOperationException($"charge of invoice {invoice} answered FAILED");

        while (true)
        {
            if (measuring) _polls[worker]++;
            if (await client.InvoiceStatusAsync(token, invoice, ct) == "PAID")
            {
                if (measuring) _chargeToPaidMs[worker].Add(Stopwatch.GetElapsedTime(charged).TotalMilliseconds);
                _unpaid[worker]--;
                _paid[worker]++;
                return;
            }

            if (Stopwatch.GetElapsedTime(charged) >= PaidTimeout)
            {
                if (measuring) Interlocked.Increment(ref _timeouts);
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"invoice {invoice} not PAID {PaidTimeout.TotalSeconds:0} s after its charge"));
            }

            await Task.Delay(PollInterval, ct);
        }
    }

    private static List<double>[] NewLists(int count) => [.. Enumerable.Range(0, count).Select(_ => new List<double>(4096))];
}
