using System.Globalization;
using FinFlow.Cli.RunFiles;

namespace FinFlow.Cli.Platform;

/// <summary>How one app and its sidecar are started: the program, arguments and the environment daprd's run would give.</summary>
public sealed record AppLaunch(string Name, string Program, IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment)
{
    public static AppLaunch ForApp(RunFileApp app, PlatformSecrets secrets)
    {
        var environment = new Dictionary<string, string>(app.Environment)
        {
            ["APP_ID"] = app.AppId,
            ["APP_PORT"] = Text(app.AppPort),
            ["DAPR_HTTP_PORT"] = Text(app.DaprHttpPort),
            ["DAPR_GRPC_PORT"] = Text(app.DaprGrpcPort),
            ["DAPR_API_TOKEN"] = secrets.Generated("dapr-api-token"),
            ["APP_API_TOKEN"] = secrets.Generated("app-api-token"),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Text(app.AppPort)}",
        };
        // A .NET project runs from its build output: `dotnet run` would add a second process that
        // outlives a signal to the first. Other apps run their run-file command as given.
        var assembly = RepositoryLayout.AppAssembly(app.AppDirectory);
        if (assembly is not null) return new AppLaunch(app.AppId, "dotnet", [assembly], app.AppDirectory, environment);
        if (app.Command.Count == 0) throw new CliException($"app '{app.AppId}': no .csproj in {app.AppDirectory} and no 'command'");
        return new AppLaunch(app.AppId, app.Command[0], app.Command.Skip(1).ToList(), app.AppDirectory, environment);
    }

    public static AppLaunch ForSidecar(RunFile runFile, RunFileApp app, PlatformSecrets secrets, Workspace workspace, string runtime)
    {
        List<string> flags =
        [
            "--app-id", app.AppId, "--app-port", Text(app.AppPort), "--app-protocol", "http",
            "--dapr-http-port", Text(app.DaprHttpPort), "--dapr-grpc-port", Text(app.DaprGrpcPort), "--log-level", "info",
        ];
        foreach (var resources in runFile.ResourcesPaths) flags.AddRange(["--resources-path", resources]);
        if (runFile.ConfigFile is not null) flags.AddRange(["--config", runFile.ConfigFile]);
        var environment = new Dictionary<string, string>
        {
            ["DAPR_API_TOKEN"] = secrets.Generated("dapr-api-token"),
            ["APP_API_TOKEN"] = secrets.Generated("app-api-token"),
            [NameResolutionFile.EnvironmentVariable] = workspace.NameResolutionFile,
        };
        var name = $"{app.AppId}-sidecar";
        // Component files name .finflow/secrets.json relative to where the sidecar starts: the run file's folder.
        return runtime == "daprd"
            ? new AppLaunch(name, "daprd", flags, runFile.Directory, environment)
            : new AppLaunch(name, "dotnet", [RepositoryLayout.SidecarAssembly, .. flags], runFile.Directory, environment);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
