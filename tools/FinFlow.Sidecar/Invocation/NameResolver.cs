using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Invocation;

/// <summary>
/// Resolves app ids to sidecars from the JSON file named by <c>FINFLOW_NAME_RESOLUTION_FILE</c>
/// (docs/name-resolution.md). The launcher may rewrite the file while sidecars run, so it is re-read when
/// its timestamp or size changes; the check is throttled, except that an unknown id forces one. A file
/// caught half-written keeps the previous table until it parses.
/// </summary>
public sealed partial class NameResolver
{
    public const string EnvironmentVariable = "FINFLOW_NAME_RESOLUTION_FILE";
    private const long RecheckMilliseconds = 500;

    private readonly ILogger<NameResolver> _logger;
    private readonly Lock _lock = new();
    private Dictionary<string, ResolvedApp> _apps = new Dictionary<string, ResolvedApp>(StringComparer.Ordinal);
    private (DateTime Written, long Length) _version;
    private long _nextCheck;

    public NameResolver(ILogger<NameResolver> logger)
        : this(Environment.GetEnvironmentVariable(EnvironmentVariable), logger)
    {
    }

    public NameResolver(string? path, ILogger<NameResolver> logger)
    {
        Path = string.IsNullOrEmpty(path) ? null : System.IO.Path.GetFullPath(path);
        _logger = logger;
    }

    /// <summary>Null when the variable is unset: only the sidecar's own app id can be invoked.</summary>
    public string? Path { get; }

    public bool TryResolve(string appId, out ResolvedApp app)
    {
        Refresh(force: false);
        if (_apps.TryGetValue(appId, out app!)) return true;
        Refresh(force: true);
        return _apps.TryGetValue(appId, out app!);
    }

    private void Refresh(bool force)
    {
        if (Path is null) return;
        var now = Environment.TickCount64;
        if (!force && now < Volatile.Read(ref _nextCheck)) return;
        lock (_lock)
        {
            if (!force && now < _nextCheck) return;
            _nextCheck = now + RecheckMilliseconds;
            var info = new FileInfo(Path);
            if (!info.Exists)
            {
                if (_version != default) LogMissing(_logger, Path);
                _version = default;
                return;
            }

            var version = (info.LastWriteTimeUtc, info.Length);
            if (version == _version) return;
            try
            {
                _apps = Parse(File.ReadAllBytes(Path));
                _version = version;
                LogLoaded(_logger, Path, _apps.Count);
            }
            catch (Exception error) when (error is JsonException or IOException or FormatException)
            {
                // Most likely a write in progress; the next call looks again.
                LogUnreadable(_logger, Path, error.Message);
            }
        }
    }

    private static Dictionary<string, ResolvedApp> Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var apps = new Dictionary<string, ResolvedApp>(StringComparer.Ordinal);
        if (!document.RootElement.TryGetProperty("apps", out var entries) || entries.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the top-level object has no \"apps\" object");
        }

        foreach (var entry in entries.EnumerateObject())
        {
            var value = entry.Value;
            var host = value.TryGetProperty("host", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : "127.0.0.1";
            apps[entry.Name] = new ResolvedApp(entry.Name, host, Port(value, "appPort"), Port(value, "httpPort"), Port(value, "grpcPort"));
        }

        return apps;
    }

    private static int Port(JsonElement app, string name) =>
        app.TryGetProperty(name, out var port) && port.TryGetInt32(out var number) ? number : 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Name resolution file {Path} loaded: {Count} app ids")]
    private static partial void LogLoaded(ILogger logger, string path, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Name resolution file {Path} could not be read yet: {Error}")]
    private static partial void LogUnreadable(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Name resolution file {Path} disappeared; keeping the last table")]
    private static partial void LogMissing(ILogger logger, string path);
}
