using System.Globalization;
using FinFlow.Cli.Platform;
using FinFlow.LocalInfra;

namespace FinFlow.Cli.Tests;

/// <summary>A temporary folder holding a dapr.yaml for the two launcher test apps and its resources.</summary>
internal sealed class TestRunFile : IDisposable
{
    public TestRunFile()
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
        Ports = Enumerable.Range(0, 6).Select(_ => FreePort.Next()).ToArray();
        var apps = Path.Combine(RepositoryLayout.Root, "tests", "FinFlow.Cli.TestApps");
        Write($"""
            version: 1
            common:
              resourcesPaths: [resources]
              configFilePath: config.yaml
            apps:
              - appID: sender
                appDirPath: {apps}/Sender
                appPort: {Ports[0]}
                daprHTTPPort: {Ports[1]}
                daprGRPCPort: {Ports[2]}
              - appID: receiver
                appDirPath: {apps}/Receiver
                appPort: {Ports[3]}
                daprHTTPPort: {Ports[4]}
                daprGRPCPort: {Ports[5]}
            """);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"finflow-cli-{Guid.NewGuid():N}"[..24]);

    public string RunFilePath => Path.Combine(Folder, "dapr.yaml");

    public int[] Ports { get; }

    public string AppUrl(int appIndex) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Ports[appIndex * 3]}");

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
