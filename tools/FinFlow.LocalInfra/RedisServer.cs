using System.Diagnostics;
using System.Globalization;

namespace FinFlow.LocalInfra;

/// <summary>A private redis-server on 127.0.0.1 with no system configuration, owned by this process.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const int PortAttempts = 3;
    private readonly InstanceDirectory _instance;
    private Process? _process;

    private RedisServer(InstanceDirectory instance, string? password)
    {
        _instance = instance;
        Password = password;
    }

    public int Port { get; private set; }

    public string? Password { get; }

    /// <summary>StackExchange.Redis configuration string.</summary>
    public string ConnectionString =>
        $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}" + (Password is null ? "" : $",password={Password}");

    public int? ProcessId => _process?.Id;

    public static async Task<RedisServer> StartAsync(RedisServerOptions? options = null, CancellationToken ct = default)
    {
        options ??= new RedisServerOptions();
        var binary = BinaryLocator.RedisServer();
        await OrphanReaper.ReapAsync(ct);
        var instance = options.Directory is null
            ? InstanceDirectory.CreateEphemeral("redis")
            : InstanceDirectory.UseExisting(options.Directory);
        var server = new RedisServer(instance, options.Password);
        try
        {
            await server.StartOnFreePortAsync(binary, options, ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            // SHUTDOWN lets a durable server flush its AOF; a kill is the fallback.
            await RespClient.TrySendAsync(Port, Password, _instance.Ephemeral ? "SHUTDOWN NOSAVE" : "SHUTDOWN");
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process?.Dispose();
        _process = null;
        _instance.Delete();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>Stops a kept server started by another process, found through the pid file in its folder.</summary>
    public static async Task StopExistingAsync(string directory)
    {
        var pidFile = Path.Combine(directory, "redis.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid)) return;
        if (!File.Exists($"/proc/{pid}/cmdline") || !File.ReadAllText($"/proc/{pid}/cmdline").Contains("redis-server", StringComparison.Ordinal)) return;
        // SIGTERM makes redis flush its AOF before exiting.
        await ProcessRunner.RunAsync("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
        for (var i = 0; i < 200 && ProcessTable.IsRunning(pid); i++) await Task.Delay(50);
    }


    private async Task StartOnFreePortAsync(string binary, RedisServerOptions options, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = options.Port ?? FreePort.Next();
            _process = Process.Start(StartInfo(binary, options))
                ?? throw new InvalidOperationException("redis-server did not start.");
            if (await WaitUntilReadyAsync(ct)) return;

            var log = Path.Combine(_instance.Path, "redis.log");
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log, ct) : "";
            if (!_process.HasExited) _process.Kill();
            _process.Dispose();
            _process = null;
            if (options.Port is null && attempt < PortAttempts && text.Contains("Address already in use", StringComparison.Ordinal)) continue;
            throw new InvalidOperationException($"redis-server did not start on port {Port}. Log:\n{text}");
        }
    }

    private ProcessStartInfo StartInfo(string binary, RedisServerOptions options)
    {
        var startInfo = new ProcessStartInfo(binary) { UseShellExecute = false };
        if (options.Detached)
        {
            // setsid and sh both exec in place, so the pid we hold is redis-server's own.
            startInfo = new ProcessStartInfo("setsid") { UseShellExecute = false };
            foreach (var prefix in (string[])["/bin/sh", "-c", "exec \"$0\" \"$@\" </dev/null >/dev/null 2>&1", binary]) startInfo.ArgumentList.Add(prefix);
        }

        string[] arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--protected-mode", "yes",
            "--dir", _instance.Path, "--logfile", Path.Combine(_instance.Path, "redis.log"),
            "--pidfile", Path.Combine(_instance.Path, "redis.pid"), "--daemonize", "no", "--save", "",
            "--appendonly", options.Durable ? "yes" : "no", "--appendfsync", "everysec",
        ];
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        if (options.Password is not null)
        {
            startInfo.ArgumentList.Add("--requirepass");
            startInfo.ArgumentList.Add(options.Password);
        }

        return startInfo;
    }

    private async Task<bool> WaitUntilReadyAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && _process is { HasExited: false })
        {
            if (await RespClient.PingAsync(Port, Password, ct)) return true;
            await Task.Delay(50, ct);
        }

        return false;
    }
}
