using System.Globalization;
using System.Runtime.InteropServices;
using FinFlow.Cli.Platform;
using FinFlow.Cli.Processes;
using FinFlow.Cli.RunFiles;
using FinFlow.Cli.Terminal;
using FinFlow.LocalInfra;

namespace FinFlow.Cli.Commands;

/// <summary>
/// <c>finflow up</c>: build, private PostgreSQL and Redis, databases and secrets, then every app with
/// its sidecar, until all are healthy. If any step fails, everything already started is stopped.
/// </summary>
public static class UpCommand
{
    public static async Task<int> RunAsync(RunFile runFile, UpOptions options)
    {
        var workspace = new Workspace(runFile.Directory);
        var apps = SelectApps(runFile, options);
        if (ProcessRegistry.Load(workspace).Any(r => ProcessTable.IsSame(r.Pid, r.StartTicks)))
        {
            throw new CliException("FinFlow is already running here (./finflow status); ./finflow down stops it");
        }

        PortCheck.EnsureFree(apps);
        if (options.Runtime == "daprd" && BinaryLocator.FindOnPath("daprd") is null)
        {
            throw new CliException("daprd was not found on PATH: install the Dapr CLI and run `dapr init --slim`, or use --runtime finflow");
        }

        Console.Out.WriteLine($"Starting FinFlow from {runFile.Path}");
        if (options.Build) await Progress.StepAsync("build", BuildAsync);
        if (options.Runtime == "finflow" && !File.Exists(RepositoryLayout.SidecarAssembly))
        {
            throw new CliException($"the sidecar is not built ({RepositoryLayout.SidecarAssembly}); run without --no-build");
        }

        workspace.Create();
        try
        {
            var records = await StartAsync(runFile, apps, workspace, options);
            PrintUrls(apps);
            if (options.Detach) return 0;
            await FollowUntilInterruptedAsync(workspace, records);
        }
        catch
        {
            await DownCommand.RunAsync(workspace, quiet: true);
            throw;
        }

        await DownCommand.RunAsync(workspace);
        return 0;
    }

    private static async Task<List<ProcessRecord>> StartAsync(RunFile runFile, IReadOnlyList<RunFileApp> apps, Workspace workspace, UpOptions options)
    {
        var secrets = PlatformSecrets.Load(workspace.SecretsFile);
        var (postgres, redis) = await Progress.StepAsync("postgresql, redis, databases", () => PlatformInfrastructure.StartAsync(workspace, secrets, apps));
        // Tokens are generated on first run and kept, like every other secret, before the file is written.
        secrets.Generated("dapr-api-token");
        secrets.Generated("app-api-token");
        secrets.Save(workspace.SecretsFile);
        NameResolutionFile.Write(workspace.NameResolutionFile, runFile.Apps);

        var postgresPid = PostmasterPid(postgres);
        var redisPid = redis.ProcessId ?? 0;
        var records = new List<ProcessRecord>
        {
            new("postgres", "database", postgresPid, ProcessTable.StartTicks(postgresPid), postgres.Port, ""),
            new("redis", "database", redisPid, ProcessTable.StartTicks(redisPid), redis.Port, ""),
        };
        ProcessRegistry.Save(workspace, records);
        foreach (var app in apps)
        {
            records.Add(Start(AppLaunch.ForSidecar(runFile, app, secrets, workspace, options.Runtime), "sidecar", app.DaprHttpPort,
                $"http://127.0.0.1:{Text(app.DaprHttpPort)}/v1.0/healthz", workspace));
            records.Add(Start(AppLaunch.ForApp(app, secrets), "app", app.AppPort, $"http://127.0.0.1:{Text(app.AppPort)}/readyz", workspace));
            ProcessRegistry.Save(workspace, records);
        }

        // The first process that fails ends the wait for all: its sidecar would otherwise wait out the timeout.
        using var failed = new CancellationTokenSource();
        var probes = records.Where(r => r.Kind != "database").Select(record => Progress.StepAsync($"{record.Name} ready", async () =>
        {
            try
            {
                await ReadinessProbe.WaitAsync(record, workspace.LogFile(record.Name), options.ReadyTimeout, failed.Token);
            }
            catch (CliException)
            {
                await failed.CancelAsync();
                throw;
            }
        })).ToList();
        try
        {
            await Task.WhenAll(probes);
        }
        catch (OperationCanceledException)
        {
            // Report the process that failed, not one whose wait was merely cut short.
            throw probes.Select(p => p.Exception?.InnerException).OfType<CliException>().First();
        }

        return records;
    }

    private static ProcessRecord Start(AppLaunch launch, string kind, int port, string healthUrl, Workspace workspace)
    {
        var (pid, ticks) = DetachedProcess.Start(launch.Program, launch.Arguments, launch.WorkingDirectory, launch.Environment, workspace.LogFile(launch.Name));
        return new ProcessRecord(launch.Name, kind, pid, ticks, port, healthUrl);
    }

    private static async Task BuildAsync()
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet", ["build", Path.Combine(RepositoryLayout.Root, "FinFlow.sln"), "-nologo", "-v:q", "-clp:ErrorsOnly"], TimeSpan.FromMinutes(15));
        if (!result.Succeeded) throw new CliException($"the build failed:{Environment.NewLine}{result.StandardOutput.Trim()}");
    }

    private static IReadOnlyList<RunFileApp> SelectApps(RunFile runFile, UpOptions options)
    {
        if (options.Only is null) return runFile.Apps;
        var unknown = options.Only.Except(runFile.Apps.Select(a => a.AppId)).ToList();
        if (unknown.Count > 0) throw new CliException($"--only: no app named {string.Join(", ", unknown)} in {Path.GetFileName(runFile.Path)}");
        return runFile.Apps.Where(a => options.Only.Contains(a.AppId)).ToList();
    }

    private static async Task FollowUntilInterruptedAsync(Workspace workspace, IReadOnlyList<ProcessRecord> records)
    {
        using var stop = new CancellationTokenSource();
        // Ctrl-C (SIGINT) and a plain `kill` (SIGTERM) both end in an orderly `down`, never an abrupt exit.
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        Console.Out.WriteLine("Following logs; Ctrl-C stops everything.");
        var files = records.Where(r => r.Kind != "database").ToDictionary(r => r.Name, r => workspace.LogFile(r.Name));
        await new LogFollower(files).FollowAsync(fromStart: false, stop.Token);
    }

    private static void PrintUrls(IEnumerable<RunFileApp> apps)
    {
        Console.Out.WriteLine("FinFlow is up:");
        foreach (var app in apps)
        {
            Console.Out.WriteLine($"  {app.AppId,-12} http://127.0.0.1:{Text(app.AppPort)}  (swagger: /swagger, sidecar HTTP {Text(app.DaprHttpPort)}, gRPC {Text(app.DaprGrpcPort)})");
        }
    }

    private static int PostmasterPid(PostgresServer postgres) =>
        int.Parse(File.ReadLines(Path.Combine(postgres.DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
