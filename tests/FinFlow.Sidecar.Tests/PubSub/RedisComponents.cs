using FinFlow.Testing;
using FinFlow.LocalInfra;
using FinFlow.Sidecar.Tests.Infrastructure;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>A <c>pubsub.redis</c> component (plus the local secret store holding its password) for a test Redis.</summary>
public static class RedisComponents
{
    public static string Yaml(ResourceDirectory resources, RedisServer redis, string extraName, string extraValue)
    {
        var secrets = resources.Write("secrets.json", System.Text.Json.JsonSerializer.Serialize(new { redis = new { password = redis.Password } }));
        return $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: secrets
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
              - name: secretsFile
                value: "{secrets}"
              - name: nestedSeparator
                value: ":"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.redis
              version: v1
              metadata:
              - name: redisHost
                value: "127.0.0.1:{redis.Port}"
              - name: redisPassword
                secretKeyRef:
                  name: "redis:password"
              - name: consumerID
                value: "{"{appID}"}-group"
              - name: processingTimeout
                value: 2s
              - name: redeliverInterval
                value: 1s
              - name: concurrency
                value: "5"
              - name: maxLenApprox
                value: "10000"
              - name: enableTLS
                value: "false"
              - name: {extraName}
                value: "{extraValue}"
            auth:
              secretStore: secrets
            """;
    }
}
