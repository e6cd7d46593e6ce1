namespace FinFlow.Cli;

/// <summary>The <c>.finflow/</c> folder next to the run file: data, secrets, logs and the record of what runs.</summary>
public sealed class Workspace(string runFileDirectory)
{
    public string Root { get; } = Path.Combine(runFileDirectory, ".finflow");

    public string PostgresDirectory => Path.Combine(Root, "postgres");

    public string RedisDirectory => Path.Combine(Root, "redis");

    public string SecretsFile => Path.Combine(Root, "secrets.json");

    public string LogsDirectory => Path.Combine(Root, "logs");

    public string RunDirectory => Path.Combine(Root, "run");

    public string ProcessesFile => Path.Combine(RunDirectory, "processes.json");

    /// <summary>App id → ports, read by FinFlow.Sidecar to reach other apps' sidecars (docs/name-resolution.md).</summary>
    public string NameResolutionFile => Path.Combine(RunDirectory, "apps.json");

    public string LogFile(string name) => Path.Combine(LogsDirectory, $"{name}.log");

    public void Create()
    {
        Directory.CreateDirectory(LogsDirectory);
        Directory.CreateDirectory(RunDirectory);
    }
}
