using FinFlow.Testing;
using System.Text.Json;
using Dapr.Client;
using FinFlow.LocalInfra;
using FinFlow.Sidecar.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>
/// One sidecar with a pub/sub component named <c>pubsub</c>, its Dapr.AspNetCore subscriber app, a fast
/// inbound retry policy (constant 50 ms, 3 retries), and both declarative and programmatic subscriptions.
/// Derived fixtures choose the component.
/// </summary>
public abstract class PubSubFixture : IAsyncLifetime
{
    public const string AppId = "pubsubapp";
    public const string PubSub = "pubsub";
    public const string AppToken = "app-token-for-deliveries";

    /// <summary>Programmatic (WithTopic) topics; <c>a&gt;b</c> means dead-letter topic b.</summary>
    private const string Topics = "orders,other,errors,status,dlq-source>dlq-dead,dlq-dead";

    /// <summary>Extra /dapr/subscribe entries: the v2 form with odd casing, and a CEL rule the sidecar must refuse.</summary>
    private const string ExtraSubscriptions = """
        [{"PUBSUBNAME":"pubsub","Topic":"v2topic","Routes":{"Default":"v2/v2topic"}},
         {"pubsubname":"pubsub","topic":"celtopic","routes":{"rules":[{"match":"event.type == 'x'","path":"v2/cel"}]}}]
        """;

    public const int ExpectedSubscriptions = 10;

    private readonly ResourceDirectory _resources = new();

    public SidecarProcess Sidecar { get; private set; } = null!;

    public SubscriberAppProcess App { get; private set; } = null!;

    public DaprClient Client { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The in-order check of the checklist applies unless the component delivers concurrently (Redis).</summary>
    public abstract bool ChecksOrder { get; }

    public virtual async Task InitializeAsync()
    {
        _resources.Write("pubsub.yaml", await ComponentYamlAsync(_resources));
        _resources.Write("subscriptions.yaml", """
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: ce-sub
            spec:
              pubsubname: pubsub
              topic: ce
              routes:
                default: /raw/ce
            ---
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: raw-sub
            spec:
              pubsubname: pubsub
              topic: rawtopic
              routes:
                default: raw/rawtopic
              metadata:
                rawPayload: "true"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Subscription
            metadata:
              name: expiring-sub
            spec:
              pubsubname: pubsub
              topic: expiring
              route: /raw/expiring
              deadLetterTopic: dlq-dead
            """);
        _resources.Write("resiliency.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: pubsub-resiliency
            spec:
              policies:
                retries:
                  fastRetry:
                    policy: constant
                    duration: 50ms
                    maxRetries: 3
              targets:
                components:
                  pubsub:
                    inbound:
                      retry: fastRetry
            """);

        var appPort = FreePort.Next();
        App = await SubscriberAppProcess.StartAsync(appPort, new Dictionary<string, string>
        {
            ["TESTAPP_TOPICS"] = Topics,
            ["TESTAPP_EXTRA_SUBSCRIPTIONS"] = ExtraSubscriptions,
        });
        Sidecar = await SidecarProcess.StartAsync(new SidecarLaunch
        {
            AppId = AppId,
            ResourcesPaths = [_resources.Path],
            ExtraArguments = ["--app-port", $"{appPort}"],
            Environment = new Dictionary<string, string> { ["APP_API_TOKEN"] = AppToken },
        });
        Client = Sidecar.CreateClient();
        Http = Sidecar.CreateHttpClient();
        await DaprAssert.EventuallyAsync(async () => (await SubscriptionsAsync()).GetArrayLength() >= ExpectedSubscriptions, TimeSpan.FromSeconds(20),
            $"all subscriptions started:\n{Sidecar.Output}");
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        Http?.Dispose();
        if (Sidecar is not null) await Sidecar.DisposeAsync();
        if (App is not null) await App.DisposeAsync();
        _resources.Dispose();
    }

    public async Task<JsonElement> SubscriptionsAsync()
    {
        using var metadata = JsonDocument.Parse(await Http.GetStringAsync("/v1.0/metadata"));
        return metadata.RootElement.GetProperty("subscriptions").Clone();
    }

    /// <summary>Polls the app's log until <paramref name="condition"/> holds, and returns the log.</summary>
    public async Task<IReadOnlyList<ReceivedDelivery>> WaitForAsync(
        Func<IReadOnlyList<ReceivedDelivery>, bool> condition, string because, TimeSpan? timeout = null)
    {
        IReadOnlyList<ReceivedDelivery> received = [];
        await DaprAssert.EventuallyAsync(
            async () => condition(received = await App.ReceivedAsync()), timeout ?? TimeSpan.FromSeconds(20),
            $"{because}\nsidecar:\n{Tail(Sidecar.Output)}");
        return received;
    }

    protected abstract Task<string> ComponentYamlAsync(ResourceDirectory resources);

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
