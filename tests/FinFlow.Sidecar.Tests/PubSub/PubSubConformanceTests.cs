using System.Text.Json;
using Dapr.Client;
using FinFlow.Sidecar.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>
/// The pub/sub checklist of contract §9.2, driven through the official Dapr.Client (gRPC) and a Dapr.AspNetCore
/// subscriber, run once per component by the derived classes. Sidecar-level additions (envelope, response
/// table, dead letters, expiry, raw payloads, errors) are in <see cref="PubSubSidecarTests{TFixture}"/>.
/// </summary>
public abstract class PubSubConformanceTests<TFixture>(TFixture fixture)
    where TFixture : PubSubFixture
{
    protected const string PubSub = PubSubFixture.PubSub;

    protected TFixture Fixture { get; } = fixture;

    protected DaprClient Client => Fixture.Client;

    protected static string NewRun() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Deliveries of one test run on one topic (the data carries the run id).</summary>
    protected static List<ReceivedDelivery> Of(IReadOnlyList<ReceivedDelivery> all, string topic, string run) =>
        [.. all.Where(d => d.Topic == topic && d.Body.Contains(run, StringComparison.Ordinal))];

    protected static int Seq(ReceivedDelivery delivery)
    {
        var json = delivery.Json();
        if (json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object) json = data;
        return json.GetProperty("seq").GetInt32();
    }

    protected static HashSet<int> Succeeded(IReadOnlyList<ReceivedDelivery> deliveries) =>
        [.. deliveries.Where(d => d.Outcome == "success").Select(Seq)];

    [Fact]
    public async Task Init_and_ping_component_and_subscriptions_are_reported_with_their_type()
    {
        Assert.True(await Client.CheckHealthAsync());
        var metadata = await Client.GetMetadataAsync();
        Assert.Contains(metadata.Components, c => c.Name == PubSub && c.Type.StartsWith("pubsub.", StringComparison.Ordinal));

        var subscriptions = (await Fixture.SubscriptionsAsync()).EnumerateArray().ToList();
        Assert.Equal(PubSubFixture.ExpectedSubscriptions, subscriptions.Count);
        string TypeOf(string topic) => subscriptions.Single(s => s.GetProperty("topic").GetString() == topic).GetProperty("type").GetString()!;
        Assert.Equal("PROGRAMMATIC", TypeOf("orders"));
        Assert.Equal("PROGRAMMATIC", TypeOf("v2topic"));
        Assert.Equal("DECLARATIVE", TypeOf("ce"));
        var dlq = subscriptions.Single(s => s.GetProperty("topic").GetString() == "dlq-source");
        Assert.Equal("dlq-dead", dlq.GetProperty("deadLetterTopic").GetString());
        // A CEL routing rule cannot be honoured here: the subscription is refused, not half-served.
        Assert.DoesNotContain(subscriptions, s => s.GetProperty("topic").GetString() == "celtopic");
    }

    [Fact]
    public async Task Ten_published_messages_are_all_received()
    {
        var run = NewRun();
        for (var seq = 0; seq < 10; seq++) await Client.PublishEventAsync(PubSub, "orders", new TestEvent(run, seq));

        var received = Of(await Fixture.WaitForAsync(all => Succeeded(Of(all, "orders", run)).Count == 10, "10 messages on orders"), "orders", run);
        Assert.Equal(Enumerable.Range(0, 10).ToHashSet(), Succeeded(received));
        Assert.All(received, d => Assert.Equal("application/json", d.ContentType?.Split(';')[0]));
        if (Fixture.ChecksOrder) Assert.Equal(Enumerable.Range(0, 10), received.Where(d => d.Attempt == 1).Select(Seq));
    }

    [Fact]
    public async Task Handler_errors_are_retried_by_the_resiliency_policy_until_every_message_is_handled()
    {
        var run = NewRun();
        // The checklist's pattern: the first two messages and every fifth fail once.
        for (var seq = 0; seq < 10; seq++)
        {
            await Client.PublishEventAsync(PubSub, "errors", new TestEvent(run, seq, seq < 2 || seq % 5 == 0 ? "500-once" : null));
        }

        var received = Of(await Fixture.WaitForAsync(all => Succeeded(Of(all, "errors", run)).Count == 10, "all 10 handled"), "errors", run);
        Assert.Equal([0, 1, 5], received.Where(d => d.Outcome == "500").Select(Seq).Order());
    }

    [Fact]
    public async Task Bulk_publish_over_grpc_and_http_delivers_every_entry()
    {
        var run = NewRun();
        var events = Enumerable.Range(0, 5).Select(seq => new TestEvent(run, seq)).ToList();
        var response = await Client.BulkPublishEventAsync(PubSub, "other", events);
        Assert.Empty(response.FailedEntries);

        var entries = Enumerable.Range(5, 3).Select(seq => new { entryId = $"e{seq}", @event = new TestEvent(run, seq), contentType = "application/json" });
        using var http = await Fixture.Http.PostAsync($"/v1.0-alpha1/publish/bulk/{PubSub}/other", JsonContent(entries));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, http.StatusCode);

        await Fixture.WaitForAsync(all => Succeeded(Of(all, "other", run)).Count == 8, "8 bulk-published messages");
    }

    [Fact]
    public async Task Each_handler_receives_only_its_own_topic()
    {
        var run = NewRun();
        await Client.PublishEventAsync(PubSub, "orders", new TestEvent(run, 1));
        await Client.PublishEventAsync(PubSub, "other", new TestEvent(run, 2));

        var all = await Fixture.WaitForAsync(
            all => Of(all, "orders", run).Count > 0 && Of(all, "other", run).Count > 0, "both topics delivered");
        var ofRun = all.Where(d => d.Body.Contains(run, StringComparison.Ordinal)).ToList();
        Assert.All(ofRun.Where(d => Seq(d) == 1), d => Assert.Equal("/events/orders", d.Path));
        Assert.All(ofRun.Where(d => Seq(d) == 2), d => Assert.Equal("/events/other", d.Path));
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    protected static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value, Web), System.Text.Encoding.UTF8, "application/json");
}
