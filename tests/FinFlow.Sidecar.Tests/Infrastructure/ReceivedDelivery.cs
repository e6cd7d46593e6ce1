using System.Text.Json;

namespace FinFlow.Sidecar.Tests.Infrastructure;

/// <summary>One delivery attempt recorded by the test app (GET /received).</summary>
public sealed record ReceivedDelivery(
    string Topic,
    string Path,
    string Id,
    int Attempt,
    string? Mode,
    string Body,
    string? ContentType,
    Dictionary<string, string> Headers,
    string Outcome)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());

    /// <summary>The body as JSON (the envelope on /raw routes, the event data elsewhere).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
