using FinFlow.Cli.Terminal;

namespace FinFlow.Cli.Commands;

/// <summary><c>finflow logs NAME [-f]</c>: a process's log, optionally followed.</summary>
public static class LogsCommand
{
    public static async Task<int> RunAsync(Workspace workspace, IReadOnlyList<string> args)
    {
        var name = args.FirstOrDefault(a => !a.StartsWith('-'))
            ?? throw new CliException("logs: which one? (./finflow logs NAME [-f]; names are in ./finflow status)");
        var path = workspace.LogFile(name);
        if (!File.Exists(path)) throw new CliException($"logs: no log for '{name}' in {workspace.LogsDirectory}");
        if (!args.Contains("-f") && !args.Contains("--follow"))
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            await stream.CopyToAsync(Console.OpenStandardOutput());
            return 0;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await new LogFollower(new Dictionary<string, string> { [name] = path }).FollowAsync(fromStart: true, stop.Token);
        return 0;
    }
}
