namespace FinFlow.Sidecar.Resources;

/// <summary>Reads declarative Subscription documents (<c>dapr.io/v2alpha1</c> and the older <c>v1alpha1</c>).</summary>
public static class SubscriptionParser
{
    public static SubscriptionDefinition Parse(YamlCursor document, string apiVersion)
    {
        var spec = document["spec"];
        if (!spec.Exists) throw spec.Error("is required");
        var rules = new List<SubscriptionRule>();
        string? defaultRoute;
        if (apiVersion == "dapr.io/v1alpha1")
        {
            defaultRoute = spec["route"].AsString();
        }
        else
        {
            var routes = spec["routes"];
            defaultRoute = routes["default"].AsString();
            foreach (var rule in routes["rules"].Items())
            {
                var match = rule["match"].AsString() ?? "";
                // No CEL engine is available to .NET here: a rule that needs one would silently misroute, so refuse it.
                if (match.Length > 0) throw rule["match"].Error("CEL routing rules are not supported by FinFlow.Sidecar; use routes.default");
                rules.Add(new SubscriptionRule(match, rule["path"].RequiredString()));
            }
        }

        if (string.IsNullOrEmpty(defaultRoute) && rules.Count == 0)
        {
            throw spec[apiVersion == "dapr.io/v1alpha1" ? "route" : "routes"].Error("a subscription needs a route");
        }

        var bulk = spec["bulkSubscribe"];
        return new SubscriptionDefinition
        {
            Name = document["metadata"]["name"].RequiredString(),
            PubsubName = spec["pubsubname"].RequiredString(),
            Topic = spec["topic"].RequiredString(),
            Rules = rules,
            DefaultRoute = defaultRoute,
            Metadata = spec["metadata"].StringMap(),
            DeadLetterTopic = spec["deadLetterTopic"].AsString(),
            BulkSubscribe = bulk.Exists
                ? new BulkSubscribeOptions(bulk["enabled"].AsBool(false), bulk["maxMessagesCount"].AsInt(100), bulk["maxAwaitDurationMs"].AsInt(1000))
                : null,
            Scopes = document["scopes"].StringList(),
            ApiVersion = apiVersion,
            File = document.File,
        };
    }
}
