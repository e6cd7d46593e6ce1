using System.Globalization;
using FinFlow.Sidecar.Components.PubSub;
using FinFlow.Sidecar.Resources;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FinFlow.Sidecar.Components.RedisPubSub;

/// <summary>
/// Creates <see cref="RedisPubSub"/> from component metadata. The consumer group is <c>consumerID</c>
/// (templates such as <c>{uuid}</c> are already expanded), else the app id, as daprd sets it.
/// </summary>
public sealed class RedisPubSubFactory : IComponentFactory
{
    private static readonly string[] Supported =
    [
        "redisHost", "redisPassword", "redisUsername", "redisDB", "redisType", "enableTLS", "consumerID", "processingTimeout",
        "redeliverInterval", "queueDepth", "concurrency", "maxLenApprox", "dialTimeout",
    ];

    public string Type => "pubsub.redis";

    public IReadOnlyList<string> Versions { get; } = ["v1"];

    public async Task<object> CreateAsync(ComponentInitContext context, CancellationToken ct)
    {
        var metadata = context.Metadata;
        PubSubMetadata.EnsureOnly(metadata, Supported);
        if (metadata.Bool("enableTLS", false)) throw metadata.Error("enableTLS", "TLS to Redis is not supported by FinFlow.Sidecar (only enableTLS: false)");
        if (metadata.Get("redisType") is { } type && type != "node") throw metadata.Error("redisType", $"'{type}' is not supported (only node)");

        var configuration = new ConfigurationOptions
        {
            EndPoints = { metadata.Required("redisHost") },
            Password = metadata.Get("redisPassword"),
            User = metadata.Get("redisUsername"),
            DefaultDatabase = metadata.Number("redisDB", 0),
            ConnectTimeout = (int)metadata.Duration("dialTimeout", TimeSpan.FromSeconds(5)).TotalMilliseconds,
            AbortOnConnectFail = false,
            ClientName = $"finflow-sidecar-{context.Options.AppId}",
        };
        var options = new RedisPubSubOptions
        {
            Configuration = configuration.ToString(includePassword: true),
            ConsumerId = metadata.Get("consumerID") ?? context.Options.AppId,
            ProcessingTimeout = Milliseconds(metadata, "processingTimeout", TimeSpan.FromSeconds(15)),
            RedeliverInterval = Milliseconds(metadata, "redeliverInterval", TimeSpan.FromSeconds(60)),
            QueueDepth = Positive(metadata, "queueDepth", 100),
            Concurrency = Positive(metadata, "concurrency", 10),
            MaxLenApprox = metadata.Get("maxLenApprox") is null ? null : Positive(metadata, "maxLenApprox", 0),
        };

        var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        try
        {
            await connection.GetDatabase().PingAsync().WaitAsync(ct);
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw metadata.Error("redisHost", $"redis streams: error connecting to redis at {metadata.Get("redisHost")}: {error.Message}");
        }

        return new RedisPubSub(connection, options, context.LoggerFactory.CreateLogger<RedisPubSub>());
    }

    /// <summary>components-contrib reads a bare number here as milliseconds, otherwise a Go duration.</summary>
    private static TimeSpan Milliseconds(ComponentMetadata metadata, string name, TimeSpan fallback)
    {
        var text = metadata.Get(name);
        if (text is null) return fallback;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms >= 0) return TimeSpan.FromMilliseconds(ms);
        return GoDuration.TryParse(text, out var value) && value >= TimeSpan.Zero ? value : throw metadata.Error(name, $"'{text}' is not a duration (e.g. 15s or 15000)");
    }

    private static int Positive(ComponentMetadata metadata, string name, int fallback)
    {
        var value = metadata.Number(name, fallback);
        return value > 0 ? value : throw metadata.Error(name, $"must be a positive number, not {value}");
    }
}
