using System.Globalization;
using FinFlow.LocalInfra;

namespace FinFlow.Benchmarks;

/// <summary>
/// A temporary folder with a run file for some of the platform's apps on free ports, a copy of
/// <c>components/local</c> and <c>components/config.yaml</c>; the launcher keeps its <c>.finflow/</c> next to it, so
/// the repository's dapr.yaml and .finflow are never touched. Settings change only through the apps' <c>env:</c>.
/// The defaults are the money suite's (auth, accounting, payments, gateway); other suites pass their own.
/// </summary>
public sealed class MoneyRunFile : IDisposable
{
    /// <summary>What the simulated processor waits before it sends its webhook (shipped 200 ms).</summary>
    public const int SettleDelayMilliseconds = 50;

    /// <summary>The apps in start order: payments asks accounting what an invoice owes, and the gateway fronts them all.</summary>
    public static readonly IReadOnlyList<string> AppIds = ["auth", "accounting", "payments", "gateway"];

    /// <summary>ASP.NET configuration keys set for the benchmark (as environment variables), with why.</summary>
    public static readonly IReadOnlyList<(string App, string Key, string Value, string Why)> Settings =
    [
        ("payments", "Payments__Simulated__SettleDelayMilliseconds", SettleDelayMilliseconds.ToString(CultureInfo.InvariantCulture),
            "the simulated processor's wait before its webhook (shipped 200)"),
        ("auth", "Auth__RateLimit__PermitLimit", "1000000", "registrations+logins per client address (shipped 10 / 60 s; each worker does one of each)"),
        ("gateway", "Gateway__PerIpAnonymousRequestsPer10Seconds", "1000000", "anonymous routes per address (shipped 30 / 10 s)"),
        ("gateway", "Gateway__PerUserRequestsPer10Seconds", "1000000",
            "signed-in requests per user (shipped 200 / 10 s; polling every 20 ms alone is up to 500 / 10 s per worker)"),
    ];

    private readonly Dictionary<string, (int App, int SidecarHttp, int SidecarGrpc)> _ports = [];
    private readonly IReadOnlyList<string> _appIds;
    private readonly IReadOnlyList<(string App, string Key, string Value, string Why)> _settings;

    public MoneyRunFile()
        : this("money", AppIds, Settings)
    {
    }

    public MoneyRunFile(string suite, IReadOnlyList<string> appIds, IReadOnlyList<(string App, string Key, string Value, string Why)> settings)
    {
        _appIds = appIds;
        _settings = settings;
        Folder = Path.Combine(Path.GetTempPath(), $"finflow-bench-{suite}-{Guid.NewGuid():N}"[..(20 + suite.Length)]);
        var resources = Path.Combine(Folder, "resources");
        Directory.CreateDirectory(resources);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "components", "local")))
        {
            File.Copy(file, Path.Combine(resources, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(RepositoryPaths.Root, "components", "config.yaml"), Path.Combine(Folder, "config.yaml"));
        foreach (var appId in _appIds) _ports[appId] = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        File.WriteAllText(RunFilePath, $"""
            version: 1
            common:
              resourcesPaths: [resources]
              configFilePath: config.yaml
            apps:
            {string.Join("\n", _appIds.Select(App))}
            """);
    }

    public string Folder { get; }

    public string RunFilePath => Path.Combine(Folder, "dapr.yaml");

    public string GatewayUrl => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_ports["gateway"].App}");

    public string LogsFolder => Path.Combine(Folder, ".finflow", "logs");

    /// <summary>The launcher runs every app from its Debug output (<c>--no-build</c>); null when all exist, else what is missing.</summary>
    public static string? MissingBuildOutputs(params string[] services)
    {
        var missing = (services.Length == 0 ? ["accounting", "payments"] : services)
            .Select(id => Path.Combine(AppDirectory(id), "bin", "Debug", "net10.0", $"FinFlow.{Capitalised(id)}.dll"))
            .Where(path => !File.Exists(path))
            .ToList();
        if (RepositoryPaths.MissingBuildOutputs() is { } others) missing.Insert(0, others);
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string AppDirectory(string appId) =>
        Path.Combine(RepositoryPaths.Root, "services", Capitalised(appId), $"FinFlow.{Capitalised(appId)}");

    private static string Capitalised(string appId) => char.ToUpperInvariant(appId[0]) + appId[1..];

    private string App(string appId)
    {
        var ports = _ports[appId];
        var env = _settings.Where(s => s.App == appId).Select(s => $"      {s.Key}: \"{s.Value}\"").ToList();
        return string.Create(CultureInfo.InvariantCulture, $"""
              - appID: {appId}
                appDirPath: {AppDirectory(appId)}
                appPort: {ports.App}
                daprHTTPPort: {ports.SidecarHttp}
                daprGRPCPort: {ports.SidecarGrpc}
                env:{(env.Count == 0 ? " {}" : "\n" + string.Join("\n", env))}
            """);
    }
}
