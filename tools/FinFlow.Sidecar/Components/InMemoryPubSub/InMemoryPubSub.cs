using System.Collections.Concurrent;
using System.Threading.Channels;
using FinFlow.Sidecar.PubSub;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Components.InMemoryPubSub;

/// <summary>
/// components-contrib's <c>pubsub.in-memory</c>: messages live only in this process and reach only the
/// subscribers present when they are published. Each subscription gets its messages one at a time in
/// publish order; a message the sidecar could not handle is retried up to 10 times, 100 ms apart, then dropped.
/// </summary>
public sealed class InMemoryPubSub(ILogger<InMemoryPubSub> logger) : IPubSub, IAsyncDisposable
{
    private const int Attempts = 10;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<string, ImmutableSubscribers> _topics = new(StringComparer.Ordinal);
    private readonly List<Task> _workers = [];
    private readonly Lock _lock = new();

    public Task PublishAsync(PubSubMessage message, CancellationToken ct)
    {
        if (_topics.TryGetValue(message.Topic, out var subscribers))
        {
            foreach (var channel in subscribers.Channels) channel.Writer.TryWrite(message);
        }

        return Task.CompletedTask;
    }

    public Task SubscribeAsync(string topic, PubSubHandler handler, CancellationToken stoppingToken)
    {
        var channel = Channel.CreateUnbounded<PubSubMessage>(new UnboundedChannelOptions { SingleReader = true });
        _topics.AddOrUpdate(topic, _ => new ImmutableSubscribers([channel]), (_, existing) => new ImmutableSubscribers([.. existing.Channels, channel]));
        lock (_lock) _workers.Add(Task.Run(() => DeliverAsync(topic, channel, handler, stoppingToken), CancellationToken.None));
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var subscribers in _topics.Values)
        {
            foreach (var channel in subscribers.Channels) channel.Writer.TryComplete();
        }

        Task[] workers;
        lock (_lock) workers = [.. _workers];
        await Task.WhenAll(workers);
    }

    private async Task DeliverAsync(string topic, Channel<PubSubMessage> channel, PubSubHandler handler, CancellationToken ct)
    {
        try
        {
            await foreach (var message in channel.Reader.ReadAllAsync(ct))
            {
                for (var attempt = 1; ; attempt++)
                {
                    if (await handler(message, ct) == PubSubOutcome.Ack) break;
                    if (attempt == Attempts)
                    {
                        logger.LogError("Message on topic {Topic} was not handled after {Attempts} attempts and is dropped", topic, Attempts);
                        break;
                    }

                    await Task.Delay(RetryDelay, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Sidecar shutdown: in-memory messages go with the process.
        }
    }

    private sealed record ImmutableSubscribers(IReadOnlyList<Channel<PubSubMessage>> Channels);
}
