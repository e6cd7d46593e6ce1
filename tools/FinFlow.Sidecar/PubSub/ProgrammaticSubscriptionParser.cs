using System.Text.Json;
using FinFlow.Sidecar.Resources;

namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// Reads the app's <c>GET /dapr/subscribe</c> answer (contract §3.4): both the v1 form (<c>route</c>) and
/// the v2 form (<c>routes.default</c> / <c>routes.rules</c>), with field names matched case-insensitively as
/// Go does, because Dapr.AspNetCore writes camelCase (<c>pubsubName</c>).
/// </summary>
public static class ProgrammaticSubscriptionParser
{
    public static IReadOnlyList<TopicSubscription> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array) throw new FormatException("the /dapr/subscribe answer is not a JSON array");
        var subscriptions = new List<TopicSubscription>();
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) throw new FormatException("a subscription is not a JSON object");
            var routes = Field(item, "routes");
            var rules = new List<SubscriptionRule>();
            if (routes is { ValueKind: JsonValueKind.Object } r && Field(r, "rules") is { ValueKind: JsonValueKind.Array } list)
            {
                rules.AddRange(list.EnumerateArray().Select(rule => new SubscriptionRule(Text(rule, "match") ?? "", Text(rule, "path") ?? "")));
            }

            var bulk = Field(item, "bulkSubscribe");
            subscriptions.Add(new TopicSubscription
            {
                PubsubName = Text(item, "pubsubname") ?? "",
                Topic = Text(item, "topic") ?? "",
                // routes.default wins over the v1 route when both are present.
                DefaultPath = (routes is { ValueKind: JsonValueKind.Object } d ? Text(d, "default") : null) is { Length: > 0 } v2 ? v2 : Text(item, "route"),
                Rules = rules,
                Metadata = Field(item, "metadata") is { ValueKind: JsonValueKind.Object } metadata ? Api.HttpApi.StringMap(metadata) : [],
                DeadLetterTopic = Text(item, "deadLetterTopic") is { Length: > 0 } dlq ? dlq : null,
                BulkSubscribe = bulk is { ValueKind: JsonValueKind.Object } b
                    ? new BulkSubscribeOptions(
                        Field(b, "enabled") is { ValueKind: JsonValueKind.True },
                        Number(b, "maxMessagesCount") ?? 100,
                        Number(b, "maxAwaitDurationMs") ?? 1000)
                    : null,
            });
        }

        return subscriptions;
    }

    private static JsonElement? Field(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        Field(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        Field(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) && number > 0 ? number : null;
}
