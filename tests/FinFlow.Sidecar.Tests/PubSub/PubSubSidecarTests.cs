using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>
/// The sidecar-level additions to the pub/sub checklist (contract §9.2): the envelope (§3.2) with the
/// cloudevent.id override and trace propagation, the app-response table (§3.6), dead letters, expiry,
/// raw payloads, the v2 subscription form, publish error codes (§3.1) and metrics.
/// </summary>
public abstract class PubSubSidecarTests<TFixture>(TFixture fixture) : PubSubConformanceTests<TFixture>(fixture)
    where TFixture : PubSubFixture
{
    [Fact]
    public async Task Http_publish_builds_daprd_envelope_with_overrides_trace_and_ttl()
    {
        var run = NewRun();
        var id = $"outbox-{run}";
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1.0/publish/{PubSub}/ce?metadata.cloudevent.id={id}&metadata.ttlInSeconds=60")
        {
            Content = JsonContent(new TestEvent(run, 1)),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        request.Headers.Add("tracestate", "finflow=1");
        using var response = await Fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var delivery = Of(await Fixture.WaitForAsync(all => Of(all, "ce", run).Count > 0, "envelope delivered"), "ce", run).First();
        var ce = delivery.Json();
        Assert.Equal(id, ce.GetProperty("id").GetString());
        Assert.Equal(PubSubFixture.AppId, ce.GetProperty("source").GetString());
        Assert.Equal("com.dapr.event.sent", ce.GetProperty("type").GetString());
        Assert.Equal("1.0", ce.GetProperty("specversion").GetString());
        Assert.StartsWith("application/json", ce.GetProperty("datacontenttype").GetString(), StringComparison.Ordinal);
        Assert.Equal("ce", ce.GetProperty("topic").GetString());
        Assert.Equal(PubSub, ce.GetProperty("pubsubname").GetString());
        Assert.Equal(run, ce.GetProperty("data").GetProperty("run").GetString());
        Assert.Contains(traceId, ce.GetProperty("traceparent").GetString(), StringComparison.Ordinal);
        Assert.Equal(ce.GetProperty("traceparent").GetString(), ce.GetProperty("traceid").GetString());
        Assert.Equal("finflow=1", ce.GetProperty("tracestate").GetString());
        Assert.InRange(DateTimeOffset.Parse(ce.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.InRange(DateTimeOffset.Parse(ce.GetProperty("expiration").GetString()!, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddSeconds(30), DateTimeOffset.UtcNow.AddSeconds(90));

        Assert.Equal("application/cloudevents+json", delivery.ContentType);
        Assert.Contains(traceId, delivery.Header("traceparent"), StringComparison.Ordinal);
        Assert.Equal(PubSub, delivery.Header("pubsubName"));
        Assert.Equal(PubSubFixture.AppToken, delivery.Header("dapr-api-token"));
    }

    [Fact]
    public async Task Grpc_publish_honours_cloudevent_id_end_to_end_and_propagates_the_callers_trace()
    {
        var run = NewRun();
        var id = $"outbox-{run}";
        using var activity = new Activity("publish").SetIdFormat(ActivityIdFormat.W3C).Start();
        await Client.PublishEventAsync(PubSub, "orders", new TestEvent(run, 0), new Dictionary<string, string> { ["cloudevent.id"] = id });
        activity.Stop();

        var delivery = Of(await Fixture.WaitForAsync(all => Of(all, "orders", run).Count > 0, "event delivered"), "orders", run).First();
        // Dapr.AspNetCore's middleware hands the CE id to the handler: the id the outbox chose survives the trip.
        Assert.Equal(id, delivery.Id);
        Assert.Equal(PubSubFixture.AppId, delivery.Header("cloudevent.source"));
        Assert.Contains(activity.TraceId.ToHexString(), delivery.Header("traceparent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_goes_in_data_and_binary_in_data_base64()
    {
        var run = NewRun();
        using var text = await Fixture.Http.PostAsync($"/v1.0/publish/{PubSub}/ce", new StringContent($"plain {run}", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.NoContent, text.StatusCode);
        var bytes = Encoding.UTF8.GetBytes($"binary {run}");
        await Client.PublishByteEventAsync(PubSub, "ce", bytes, "application/octet-stream");

        var base64 = Convert.ToBase64String(bytes);
        var all = await Fixture.WaitForAsync(all => Of(all, "ce", run).Count > 0 && Of(all, "ce", base64).Count > 0, "text and binary delivered");
        var plain = Of(all, "ce", run).Single().Json();
        Assert.Equal($"plain {run}", plain.GetProperty("data").GetString());
        Assert.StartsWith("text/plain", plain.GetProperty("datacontenttype").GetString(), StringComparison.Ordinal);
        var binary = Of(all, "ce", base64).Single().Json();
        Assert.Equal(base64, binary.GetProperty("data_base64").GetString());
        Assert.False(binary.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task App_answers_follow_daprd_table_success_retry_and_drop()
    {
        var run = NewRun();
        string[] succeed = ["ok", "success", "text", "json", "retry-once", "weird-once", "500-once"];
        string[] dropped = ["drop", "404"];
        var modes = succeed.Concat(dropped).ToArray();
        for (var seq = 0; seq < modes.Length; seq++) await Client.PublishEventAsync(PubSub, "status", new TestEvent(run, seq, modes[seq]));

        await Fixture.WaitForAsync(
            all => Succeeded(Of(all, "status", run)).Count == succeed.Length && Of(all, "status", run).Count(d => d.Mode is "drop" or "404") == 2,
            "every answer handled");
        await Task.Delay(500); // several retry intervals: a dropped event must not come back
        var received = Of(await Fixture.App.ReceivedAsync(), "status", run);
        int Attempts(string mode) => received.Count(d => d.Mode == mode);
        foreach (var mode in (string[])["ok", "success", "text", "json", "drop", "404"]) Assert.True(Attempts(mode) == 1, $"{mode}: {Attempts(mode)} attempts");
        foreach (var mode in (string[])["retry-once", "weird-once", "500-once"]) Assert.True(Attempts(mode) == 2, $"{mode}: {Attempts(mode)} attempts");
    }

    [Fact]
    public async Task Exhausted_retries_drop_and_404_go_to_the_dead_letter_topic()
    {
        var run = NewRun();
        string[] modes = ["retry", "drop", "404"];
        for (var seq = 0; seq < modes.Length; seq++) await Client.PublishEventAsync(PubSub, "dlq-source", new TestEvent(run, seq, modes[seq]));

        var all = await Fixture.WaitForAsync(all => Of(all, "dlq-dead", run).Count == 3, "three dead letters");
        var source = Of(all, "dlq-source", run);
        Assert.Equal(4, source.Count(d => d.Mode == "retry")); // one attempt plus maxRetries: 3
        Assert.Equal(1, source.Count(d => d.Mode == "drop"));
        Assert.Equal(1, source.Count(d => d.Mode == "404"));
        // The original message is republished, so the dead letter keeps the event id.
        Assert.Equal(source.Select(d => d.Id).ToHashSet(), Of(all, "dlq-dead", run).Select(d => d.Id).ToHashSet());
    }

    [Fact]
    public async Task Expired_events_are_dropped_and_dead_lettered_instead_of_delivered()
    {
        var run = NewRun();
        string Envelope(string id, string expiration) =>
            $$"""{"id":"{{id}}","source":"test","type":"test.ttl","specversion":"1.0","datacontenttype":"application/json","data":{"run":"{{run}}","seq":1},"expiration":"{{expiration}}"}""";
        async Task PublishAsync(string envelope)
        {
            using var response = await Fixture.Http.PostAsync($"/v1.0/publish/{PubSub}/expiring", new StringContent(envelope, Encoding.UTF8, "application/cloudevents+json"));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await PublishAsync(Envelope($"expired-{run}", "2001-01-01T00:00:00Z"));
        await PublishAsync(Envelope($"fresh-{run}", "2100-01-01T00:00:00Z"));

        await Fixture.WaitForAsync(all => Of(all, "expiring", run).Count > 0, "the unexpired event delivered");
        // The expired copy reaches the dead-letter topic as the original message, so it is dropped there too:
        // the drop count of dlq-dead proves the dead-letter publish (as daprd would behave).
        await EventuallyAsync(
            async () => (await Fixture.Http.GetStringAsync("/metrics")).Contains("process_status=\"drop\",topic=\"dlq-dead\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "expired event dead-lettered");
        var metrics = await Fixture.Http.GetStringAsync("/metrics");
        Assert.Contains("process_status=\"drop\",topic=\"expiring\"", metrics, StringComparison.Ordinal);
        Assert.Equal([$"fresh-{run}"], Of(await Fixture.App.ReceivedAsync(), "expiring", run).Select(d => d.Id));
    }

    [Fact]
    public async Task Raw_payload_is_published_unwrapped_and_delivered_in_a_synthesised_envelope()
    {
        var run = NewRun();
        var payload = Encoding.UTF8.GetBytes($"raw {run}");
        using var response = await Fixture.Http.PostAsync(
            $"/v1.0/publish/{PubSub}/rawtopic?metadata.rawPayload=true", new ByteArrayContent(payload));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var base64 = Convert.ToBase64String(payload);
        var ce = Of(await Fixture.WaitForAsync(all => Of(all, "rawtopic", base64).Count > 0, "raw payload delivered"), "rawtopic", base64).Single().Json();
        Assert.Equal(base64, ce.GetProperty("data_base64").GetString());
        Assert.Equal("application/octet-stream", ce.GetProperty("datacontenttype").GetString());
        Assert.Equal("rawtopic", ce.GetProperty("topic").GetString());
        Assert.False(string.IsNullOrEmpty(ce.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task V2_routes_default_with_odd_casing_is_honoured()
    {
        var run = NewRun();
        await Client.PublishEventAsync(PubSub, "v2topic", new TestEvent(run, 1));
        var delivery = Of(await Fixture.WaitForAsync(all => Of(all, "v2topic", run).Count > 0, "v2 subscription delivered"), "v2topic", run).Single();
        Assert.Equal("/v2/v2topic", delivery.Path);
    }

    [Fact]
    public async Task Publish_errors_carry_daprd_status_and_error_code()
    {
        var body = JsonContent(new TestEvent("x", 1));
        await HttpErrorAsync(await Fixture.Http.PostAsync("/v1.0/publish/nosuchpubsub/orders", body), HttpStatusCode.NotFound, "ERR_PUBSUB_NOT_FOUND");
        await GrpcStatusAsync(StatusCode.InvalidArgument, () => Client.PublishEventAsync("nosuchpubsub", "orders", new TestEvent("x", 1)));

        await HttpErrorAsync(await Fixture.Http.PostAsync($"/v1.0/publish/{PubSub}/secret-topic", body), HttpStatusCode.Forbidden, "ERR_PUBSUB_FORBIDDEN");
        await GrpcStatusAsync(StatusCode.PermissionDenied, () => Client.PublishEventAsync(PubSub, "secret-topic", new TestEvent("x", 1)));

        await HttpErrorAsync(
            await Fixture.Http.PostAsync($"/v1.0/publish/{PubSub}/orders?metadata.rawPayload=maybe", body), HttpStatusCode.BadRequest, "ERR_PUBSUB_REQUEST_METADATA");
        await HttpErrorAsync(
            await Fixture.Http.PostAsync($"/v1.0/publish/{PubSub}/orders", new StringContent("{not json", Encoding.UTF8, "application/cloudevents+json")),
            HttpStatusCode.BadRequest, "ERR_PUBSUB_CLOUD_EVENTS_SER");
    }

    [Fact]
    public async Task Metrics_count_publishes_and_deliveries_per_topic()
    {
        var run = NewRun();
        await Client.PublishEventAsync(PubSub, "other", new TestEvent(run, 1));
        await Fixture.WaitForAsync(all => Of(all, "other", run).Count > 0, "delivered");
        var metrics = await Fixture.Http.GetStringAsync("/metrics");
        Assert.Contains($"dapr_component_pubsub_egress_count{{app_id=\"{PubSubFixture.AppId}\",component=\"{PubSub}\",success=\"true\",topic=\"other\"}}", metrics, StringComparison.Ordinal);
        Assert.Contains($"component=\"{PubSub}\",process_status=\"success\",topic=\"other\"}}", metrics, StringComparison.Ordinal);
    }
}
