using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FinFlow.Contracts;

namespace FinFlow.Testing;

/// <summary>Posts an event to a subscriber the way the sidecar delivers it: a CloudEvent envelope, <c>application/cloudevents+json</c>.</summary>
public static class CloudEventDelivery
{
    /// <summary>Returns the subscriber's <c>status</c> answer (SUCCESS, RETRY, DROP), or <c>HTTP nnn</c> for a non-200 reply.</summary>
    public static async Task<string> PostAsync(HttpClient client, string path, string topic, string eventId, object data, string? callerAppId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var envelope = new
        {
            specversion = "1.0", id = eventId, source = "tests", type = "com.dapr.event.sent", topic, pubsubname = DaprComponents.PubSub,
            datacontenttype = "application/json", data,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(envelope, EventJson.Options), Encoding.UTF8, "application/cloudevents+json"),
        };
        if (callerAppId is not null) request.Headers.Add("dapr-caller-app-id", callerAppId);
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK) return $"HTTP {(int)response.StatusCode}";
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
    }
}
