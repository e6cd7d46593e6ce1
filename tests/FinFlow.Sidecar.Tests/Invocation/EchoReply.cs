using System.Text.Json;

namespace FinFlow.Sidecar.Tests.Invocation;

/// <summary>The echo app's answer: what the callee actually received.</summary>
public sealed record EchoReply(string App, string Method, string Path, string RawTarget, string Query, int Attempt, string Body, Dictionary<string, string> Headers)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static EchoReply Parse(string json) => JsonSerializer.Deserialize<EchoReply>(json, Web)!;

    public static async Task<EchoReply> ReadAsync(HttpResponseMessage response) => Parse(await response.Content.ReadAsStringAsync());

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
