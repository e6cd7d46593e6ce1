using FinFlow.Cli;
using FinFlow.Cli.Commands;
using FinFlow.Cli.Platform;
using FinFlow.Cli.RunFiles;
using FinFlow.LocalInfra;

// finflow [--file dapr.yaml] <up|down|status|logs|reset> [options]
var arguments = args.ToList();
var file = Path.Combine(RepositoryLayout.Root, "dapr.yaml");
var fileFlag = arguments.IndexOf("--file");
if (fileFlag >= 0 && fileFlag + 1 < arguments.Count)
{
    file = Path.GetFullPath(arguments[fileFlag + 1]);
    arguments.RemoveRange(fileFlag, 2);
}

var command = arguments.FirstOrDefault() ?? "help";
var rest = arguments.Skip(1).ToList();
var workspace = new Workspace(Path.GetDirectoryName(Path.GetFullPath(Directory.Exists(file) ? Path.Combine(file, "dapr.yaml") : file))!);
try
{
    return command switch
    {
        "up" => await UpCommand.RunAsync(RunFileParser.Load(file), UpOptions.Parse(rest)),
        "down" => await DownCommand.RunAsync(workspace),
        "status" => await StatusCommand.RunAsync(workspace),
        "logs" => await LogsCommand.RunAsync(workspace, rest),
        "reset" => await ResetCommand.RunAsync(workspace, rest),
        _ => Usage(),
    };
}
catch (Exception e) when (e is CliException or MissingPrerequisiteException)
{
    await Console.Error.WriteLineAsync($"finflow: {e.Message}");
    return 1;
}
catch (InvalidOperationException e)
{
    // A server or tool failed (its own message says how, with its log); no stack trace for the user.
    await Console.Error.WriteLineAsync($"finflow: {e.Message}");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: finflow [--file dapr.yaml] up [--runtime finflow|daprd] [--no-seed] [--only app,...] [--detach] | down | status | logs NAME [-f] | reset [--yes]");
    return 2;
}
