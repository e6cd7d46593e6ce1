using System.Text.Json;
using FinFlow.Sidecar.PubSub;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FinFlow.Sidecar.Components.RedisPubSub;

/// <summary>
/// <c>pubsub.redis</c> on Redis Streams, laid out as components-contrib does: one stream per topic, entries
/// with a <c>data</c> field (the envelope bytes) and a <c>metadata</c> field (JSON), one consumer group per
/// app. Unlike current daprd, a message is XACKed only once the sidecar is done with it (delivered, dropped
/// or dead-lettered); anything else stays pending and is redelivered after <c>processingTimeout</c>.
/// </summary>
public sealed class RedisPubSub(ConnectionMultiplexer connection, RedisPubSubOptions options, ILogger<RedisPubSub> logger)
    : IPubSub, IAsyncDisposable
{
    private readonly List<RedisStreamConsumer> _consumers = [];
    private readonly Lock _lock = new();

    public RedisPubSubOptions Options => options;

    public async Task PublishAsync(PubSubMessage message, CancellationToken ct)
    {
        NameValueEntry[] fields =
        [
            new("data", message.Data),
            new("metadata", JsonSerializer.Serialize(message.Metadata)),
        ];
        await connection.GetDatabase()
            .StreamAddAsync(message.Topic, fields, maxLength: options.MaxLenApprox, useApproximateMaxLength: true)
            .WaitAsync(ct);
    }

    public async Task SubscribeAsync(string topic, PubSubHandler handler, CancellationToken stoppingToken)
    {
        try
        {
            await connection.GetDatabase().StreamCreateConsumerGroupAsync(topic, options.ConsumerId, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException error) when (error.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group survives sidecar restarts: pending and unread messages are picked up where they were left.
        }

        var consumer = await RedisStreamConsumer.StartAsync(connection, options, topic, handler, logger, stoppingToken);
        lock (_lock) _consumers.Add(consumer);
    }

    public async ValueTask DisposeAsync()
    {
        RedisStreamConsumer[] consumers;
        lock (_lock) consumers = [.. _consumers];
        foreach (var consumer in consumers) await consumer.DisposeAsync();
        await connection.DisposeAsync();
    }
}
