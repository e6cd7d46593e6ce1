namespace FinFlow.Sidecar.TestApp;

/// <summary>One delivery attempt as the app saw it, and what it answered.</summary>
public sealed record Delivery(
    string Topic,
    string Path,
    string Id,
    int Attempt,
    string? Mode,
    string Body,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    string Outcome);
