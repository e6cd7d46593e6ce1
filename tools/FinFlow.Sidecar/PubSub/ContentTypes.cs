namespace FinFlow.Sidecar.PubSub;

/// <summary>The content-type tests daprd applies when it builds and reads envelopes (components-contrib <c>contenttype</c>).</summary>
public static class ContentTypes
{
    public const string CloudEventJson = "application/cloudevents+json";
    public const string OctetStream = "application/octet-stream";

    public static string Bare(string? contentType) =>
        (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    public static bool IsCloudEvent(string? contentType) => Bare(contentType) == CloudEventJson;

    public static bool IsJson(string? contentType)
    {
        var bare = Bare(contentType);
        return bare == "application/json" || bare.EndsWith("+json", StringComparison.Ordinal);
    }

    public static bool IsBinary(string? contentType)
    {
        var bare = Bare(contentType);
        return bare == OctetStream || bare.EndsWith("protobuf", StringComparison.Ordinal);
    }
}
