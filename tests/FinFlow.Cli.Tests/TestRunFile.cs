using System.Globalization;
using FinFlow.Cli.Platform;
using FinFlow.LocalInfra;

namespace FinFlow.Cli.Tests;

/// <summary>A temporary folder holding a dapr.yaml for the two launcher test apps and its resources.</summary>
internal sealed class TestRunFile : IDisposable
{
    public TestRunFile()
        : this(("sender", Path.Combine(RepositoryLayout.Root, "tests", "FinFlow.Cli.TestApps", "Sender")),
               ("receiver", Path.Combine(RepositoryLayout.Root, "tests", "FinFlow.Cli.TestApps", "Receiver")))
    {
    }

    /// <summary>A run file for the given apps (id, project folder), each with three free ports.</summary>
    public TestRunFile(params (string AppId, string Directory)[] apps)
        : this(new Dictionary<string, string>(), apps)
    {
    }

    /// <summary>As above, with environment variables given to every app (the run file's common env).</summary>
    public TestRunFile(IReadOnlyDictionary<string, string> environment, params (string AppId, string Directory)[] apps)
    {
        Directory.CreateDirectory(Folder);
        var resources = Path.Combine(Folder, "resources");
        Directory.CreateDirectory(resources);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "components", "local")))
        {
            var text = File.ReadAllText(file)
                // Redeliver quickly so the restart test does not wait a minute for an unacknowledged message.
                .Replace("value: 60s", "value: 3s", StringComparison.Ordinal)
                .Replace("value: 15s", "value: 1s", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(resources, Path.GetFileName(file)), text);
        }

        File.Copy(Path.Combine(RepositoryLayout.Root, "components", "config.yaml"), Path.Combine(Folder, "config.yaml"));
        // The OS may hand the same free port out twice (each probe releases it); the run file needs distinct ones.
        var ports = new HashSet<int>();
        while (ports.Count < apps.Length * 3) ports.Add(FreePort.Next());
        Ports = [.. ports];
        var entries = apps.Select((app, i) => $"""
              - appID: {app.AppId}
                appDirPath: {app.Directory}
                appPort: {Ports[i * 3]}
                daprHTTPPort: {Ports[(i * 3) + 1]}
                daprGRPCPort: {Ports[(i * 3) + 2]}
            """);
        var env = string.Concat(environment.Select(pair => $"\n    {pair.Key}: \"{pair.Value}\""));
        Write($"""
            version: 1
            common:
              resourcesPaths: [resources]
              configFilePath: config.yaml
              env:{(env.Length == 0 ? " {}" : env)}
            apps:
            {string.Join("\n", entries)}
            """);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"finflow-cli-{Guid.NewGuid():N}"[..24]);

    public string RunFilePath => Path.Combine(Folder, "dapr.yaml");

    public int[] Ports { get; }

    public string AppUrl(int appIndex) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Ports[appIndex * 3]}");

    public string SidecarUrl(int appIndex) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Ports[(appIndex * 3) + 1]}");

    public string SidecarGrpcUrl(int appIndex) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Ports[(appIndex * 3) + 2]}");

    public void Write(string yaml) => File.WriteAllText(RunFilePath, yaml);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
