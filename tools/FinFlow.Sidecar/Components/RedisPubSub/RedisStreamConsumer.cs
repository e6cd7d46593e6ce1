using System.Text.Json;
using System.Threading.Channels;
using FinFlow.Sidecar.PubSub;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FinFlow.Sidecar.Components.RedisPubSub;

/// <summary>
/// Consumes one stream for one consumer group: a blocking XREADGROUP loop for new entries (on its own
/// connection, since a blocking command would stall the shared multiplexer), an XAUTOCLAIM loop every
/// <c>redeliverInterval</c> for entries pending longer than <c>processingTimeout</c> (crashed app, crashed
/// sidecar, failed delivery), and <c>concurrency</c> workers that run the handler and XACK on Ack only.
/// </summary>
public sealed class RedisStreamConsumer : IAsyncDisposable
{
    private const int BlockMilliseconds = 1000;

    private readonly ConnectionMultiplexer _shared;
    private readonly ConnectionMultiplexer _reader;
    private readonly RedisPubSubOptions _options;
    private readonly string _topic;
    private readonly PubSubHandler _handler;
    private readonly ILogger _logger;
    private readonly Channel<StreamEntry> _queue;
    private readonly CancellationTokenSource _stop;
    private readonly List<Task> _loops = [];

    private RedisStreamConsumer(
        ConnectionMultiplexer shared, ConnectionMultiplexer reader, RedisPubSubOptions options, string topic, PubSubHandler handler, ILogger logger,
        CancellationToken stoppingToken)
    {
        _shared = shared;
        _reader = reader;
        _options = options;
        _topic = topic;
        _handler = handler;
        _logger = logger;
        _queue = Channel.CreateBounded<StreamEntry>(options.QueueDepth);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
    }

    public static async Task<RedisStreamConsumer> StartAsync(
        ConnectionMultiplexer shared, RedisPubSubOptions options, string topic, PubSubHandler handler, ILogger logger, CancellationToken stoppingToken)
    {
        var readerOptions = ConfigurationOptions.Parse(options.Configuration);
        readerOptions.AsyncTimeout = readerOptions.SyncTimeout = BlockMilliseconds + 10_000;
        var reader = await ConnectionMultiplexer.ConnectAsync(readerOptions);
        var consumer = new RedisStreamConsumer(shared, reader, options, topic, handler, logger, stoppingToken);
        consumer._loops.Add(Task.Run(consumer.ReadNewAsync, CancellationToken.None));
        if (options.RedeliveryEnabled) consumer._loops.Add(Task.Run(consumer.ReclaimAsync, CancellationToken.None));
        for (var i = 0; i < options.Concurrency; i++) consumer._loops.Add(Task.Run(consumer.WorkAsync, CancellationToken.None));
        return consumer;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _queue.Writer.TryComplete();
        await _reader.DisposeAsync();
        _stop.Dispose();
    }

    private async Task ReadNewAsync()
    {
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var result = await _reader.GetDatabase().ExecuteAsync(
                    "XREADGROUP", "GROUP", _options.ConsumerId, _options.ConsumerId, "COUNT", _options.QueueDepth,
                    "BLOCK", BlockMilliseconds, "STREAMS", _topic, ">");
                foreach (var entry in StreamReplies.Entries(result)) await _queue.Writer.WriteAsync(entry, ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // Any failure (connection, NOGROUP after a FLUSHALL, an unexpected reply) must not end the loop.
                if (error.Message.StartsWith("NOGROUP", StringComparison.Ordinal)) await RecreateGroupAsync();
                _logger.LogError("redis streams: error reading from stream {Topic}: {Error}", _topic, error.ToString());
                await Pause(ct);
            }
        }
    }

    private async Task ReclaimAsync()
    {
        var ct = _stop.Token;
        using var timer = new PeriodicTimer(_options.RedeliverInterval);
        do
        {
            try
            {
                RedisValue start = "0-0";
                do
                {
                    var claimed = await _shared.GetDatabase().StreamAutoClaimAsync(
                        _topic, _options.ConsumerId, _options.ConsumerId, (long)_options.ProcessingTimeout.TotalMilliseconds, start, _options.QueueDepth);
                    foreach (var entry in claimed.ClaimedEntries.Where(e => !e.IsNull)) await _queue.Writer.WriteAsync(entry, ct);
                    start = claimed.NextStartId;
                }
                while (start != "0-0" && !ct.IsCancellationRequested);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // Like the read loop, the reclaim loop must outlive any single failure.
                _logger.LogError("redis streams: error reclaiming pending messages of {Topic}: {Error}", _topic, error.Message);
            }
        }
        while (await Tick(timer, ct));
    }

    private async Task WorkAsync()
    {
        var ct = _stop.Token;
        try
        {
            await foreach (var entry in _queue.Reader.ReadAllAsync(ct)) await ProcessAsync(entry, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: whatever is queued or in flight stays pending in Redis.
        }
    }

    private async Task ProcessAsync(StreamEntry entry, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Bounded by processingTimeout so a hung delivery is abandoned before the entry is reclaimed.
        if (_options.RedeliveryEnabled) timeout.CancelAfter(_options.ProcessingTimeout);
        var message = new PubSubMessage(_topic, (byte[]?)entry["data"] ?? [], Metadata(entry["metadata"]));
        PubSubOutcome outcome;
        try
        {
            outcome = await _handler(message, timeout.Token);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogError(error, "Error processing Redis message {Id} of {Topic}", entry.Id, _topic);
            return;
        }

        if (outcome != PubSubOutcome.Ack)
        {
            _logger.LogDebug("Redis message {Id} of {Topic} left pending for redelivery", entry.Id, _topic);
            return;
        }

        try
        {
            await _shared.GetDatabase().StreamAcknowledgeAsync(_topic, _options.ConsumerId, entry.Id);
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            _logger.LogError("Error acknowledging Redis message {Id}: {Error}", entry.Id, error.Message);
        }
    }

    private async Task RecreateGroupAsync()
    {
        try
        {
            await _shared.GetDatabase().StreamCreateConsumerGroupAsync(_topic, _options.ConsumerId, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisException error)
        {
            _logger.LogDebug("Recreating consumer group for {Topic} failed: {Error}", _topic, error.Message);
        }
    }

    private static Dictionary<string, string> Metadata(RedisValue json)
    {
        if (json.IsNullOrEmpty) return [];
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>((string)json!) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static async Task Pause(CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
