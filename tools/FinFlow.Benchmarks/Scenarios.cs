using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Dapr.Client;
using Npgsql;

namespace FinFlow.Benchmarks;

/// <summary>
/// The measured pairs. State: the official Dapr.Client over gRPC through the sidecar vs the SQL the
/// sidecar's <c>state.postgresql</c> v2 runs, sent straight with Npgsql on the same table and keys.
/// Invocation: <c>bench-a</c>'s sidecar → <c>bench-b</c>'s sidecar → app vs one HTTP call to the app.
/// Pub/sub: publish through <c>bench-a</c>'s sidecar, delivery by Redis Streams to <c>bench-b</c>.
/// </summary>
public sealed class Scenarios(Topology topology, BenchmarkOptions options) : IDisposable
{
    private const string Store = "statestore";
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);
    private static readonly BenchValue Value = new("acct-000123", 125_000, "EUR", "monthly subscription", DateTimeOffset.UnixEpoch);

    private readonly DaprClient _dapr = new DaprClientBuilder()
        .UseGrpcEndpoint($"http://127.0.0.1:{topology.SidecarA.Grpc}")
        .UseHttpEndpoint($"http://127.0.0.1:{topology.SidecarA.Http}")
        .UseDaprApiToken(Topology.ApiToken)
        .Build();

    private readonly NpgsqlDataSource _postgres = NpgsqlDataSource.Create(topology.StateConnectionString);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = options.Concurrency * 2 });
    private readonly byte[] _valueBytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Value, Web);

    public async Task PrepareAsync()
    {
        for (var worker = 0; worker < options.Concurrency; worker++) await _dapr.SaveStateAsync(Store, $"get-{worker}", Value);
    }

    public Task<LatencyStats> StateGetThroughSidecarAsync() =>
        LoadRunner.RunAsync("state get: sidecar (Dapr.Client gRPC)", options, async (worker, _, ct) =>
        {
            var value = await _dapr.GetStateAsync<BenchValue>(Store, $"get-{worker}", cancellationToken: ct);
            if (value is null) throw new InvalidOperationException("missing state");
        });

    public Task<LatencyStats> StateGetDirectAsync() =>
        LoadRunner.RunAsync("state get: Npgsql direct", options, async (worker, _, ct) =>
        {
            await using var command = _postgres.CreateCommand("SELECT value, etag, expires_at FROM state WHERE key = $1 AND (expires_at IS NULL OR expires_at > now())");
            command.Parameters.Add(new NpgsqlParameter { Value = $"bench-a||get-{worker}" });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("missing row");
            if (System.Text.Json.JsonSerializer.Deserialize<BenchValue>(reader.GetFieldValue<byte[]>(0), Web) is null) throw new InvalidOperationException("null value");
        });

    public Task<LatencyStats> StateSaveThroughSidecarAsync() =>
        LoadRunner.RunAsync("state save: sidecar (Dapr.Client gRPC)", options, (worker, n, ct) =>
            _dapr.SaveStateAsync(Store, $"save-{worker}-{n % 64}", Value, cancellationToken: ct));

    public Task<LatencyStats> StateSaveDirectAsync() =>
        LoadRunner.RunAsync("state save: Npgsql direct", options, async (worker, n, ct) =>
        {
            await using var command = _postgres.CreateCommand("""
                INSERT INTO state (key, value, etag, expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 second')
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = now(), expires_at = excluded.expires_at
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = $"bench-a||save-{worker}-{n % 64}" });
            command.Parameters.Add(new NpgsqlParameter { Value = _valueBytes });
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
            await command.ExecuteNonQueryAsync(ct);
        });

    public Task<LatencyStats> InvokeThroughSidecarsAsync() =>
        LoadRunner.RunAsync("invoke: app → 2 sidecars → app", options, (_, _, ct) =>
            GetAsync($"http://127.0.0.1:{topology.SidecarA.Http}/v1.0/invoke/bench-b/method/echo", Topology.ApiToken, ct));

    public Task<LatencyStats> InvokeDirectAsync() =>
        LoadRunner.RunAsync("invoke: direct HTTP to the app", options, (_, _, ct) =>
            GetAsync($"http://127.0.0.1:{topology.AppBPort}/echo", null, ct));

    /// <summary>One event end to end before measuring; null when it arrived, else why pub/sub cannot be measured.</summary>
    public async Task<string?> ProbePubSubAsync()
    {
        var id = $"probe-{Guid.NewGuid():N}";
        try
        {
            await _dapr.PublishEventAsync("pubsub", "bench", new { id, sent = Stopwatch.GetTimestamp() });
            using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{topology.AppBPort}/delivered/{id}?timeoutSeconds=15"));
            return response.IsSuccessStatusCode ? null : "a probe event published through the sidecar was not delivered to the subscriber within 15 s (see the sidecar log with BENCH_DUMP=1)";
        }
        catch (Exception error) when (error is HttpRequestException or Dapr.DaprException)
        {
            return $"publishing a probe event failed: {error.Message}";
        }
    }

    /// <summary>Each worker publishes one event and waits for its delivery; the app measures the one-way latency.</summary>
    public async Task<LatencyStats> PublishToDeliveryAsync()
    {
        var delivered = new System.Collections.Concurrent.ConcurrentBag<double>();
        var measuring = false;
        var stats = await LoadRunner.RunAsync("pub/sub: publish → delivery (Redis)", options, async (worker, n, ct) =>
        {
            var id = $"{worker}-{n}-{Guid.NewGuid():N}";
            await _dapr.PublishEventAsync("pubsub", "bench", new { id, sent = Stopwatch.GetTimestamp() }, ct);
            var latency = await _http.GetStringAsync(new Uri($"http://127.0.0.1:{topology.AppBPort}/delivered/{id}"), ct);
            if (Volatile.Read(ref measuring)) delivered.Add(double.Parse(latency, CultureInfo.InvariantCulture));
        }, onMeasureStart: () => Volatile.Write(ref measuring, true));
        // The app's clock reading excludes the long poll's own round trip, so it replaces the loop's latencies.
        return LatencyStats.From(stats.Name, stats.Concurrency, [.. delivered], stats.Errors, stats.Elapsed);
    }

    private async Task GetAsync(string url, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null) request.Headers.TryAddWithoutValidation("dapr-api-token", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (body.Length < 1000) throw new InvalidOperationException($"short body ({body.Length} bytes)");
    }

    public void Dispose()
    {
        _dapr.Dispose();
        _postgres.Dispose();
        _http.Dispose();
    }
}
