using System.Text.Json;
using FinFlow.Cli.RunFiles;

namespace FinFlow.Cli.Platform;

/// <summary>
/// Writes the app-id → ports map FinFlow.Sidecar resolves invocation targets with (it reads the path
/// from <c>FINFLOW_NAME_RESOLUTION_FILE</c>; daprd uses mDNS instead). Format: docs/name-resolution.md.
/// </summary>
public static class NameResolutionFile
{
    public const string EnvironmentVariable = "FINFLOW_NAME_RESOLUTION_FILE";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(string path, IEnumerable<RunFileApp> apps)
    {
        var document = new
        {
            apps = apps.ToDictionary(
                app => app.AppId,
                app => new { host = "127.0.0.1", appPort = app.AppPort, httpPort = app.DaprHttpPort, grpcPort = app.DaprGrpcPort }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Indented));
    }
}
