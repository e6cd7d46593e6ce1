using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FinFlow.Cli.RunFiles;

/// <summary>
/// Reads the subset of the multi-app run file format the launcher needs (contract §6.6). Every app
/// must give its ports: the launcher wires sidecars to each other by them.
/// </summary>
public static class RunFileParser
{
    public static RunFile Load(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (System.IO.Directory.Exists(fullPath)) fullPath = System.IO.Path.Combine(fullPath, "dapr.yaml");
        if (!File.Exists(fullPath)) throw new CliException($"{fullPath}: no such run file");
        var name = System.IO.Path.GetFileName(fullPath);
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(fullPath);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new CliException($"{name}: line {e.Start.Line}: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CliException($"{name}: the file must be a mapping with 'version' and 'apps'");
        }

        return Parse(root, fullPath, name);
    }

    private static RunFile Parse(YamlMappingNode root, string fullPath, string name)
    {
        var baseDirectory = System.IO.Path.GetDirectoryName(fullPath)!;
        if (Scalar(root, "version") != "1") throw new CliException($"{name}: 'version' must be 1");
        var common = root.Children.TryGetValue("common", out var c) ? c as YamlMappingNode : null;
        var resources = common is null ? [] : Strings(common, "resourcesPaths", name).ToList();
        if (common is not null && Scalar(common, "resourcesPath") is { } single) resources.Add(single);
        var config = common is null ? null : Scalar(common, "configFilePath");
        var commonEnv = common is null ? new Dictionary<string, string>() : Environment(common, name);

        if (!root.Children.TryGetValue("apps", out var appsNode) || appsNode is not YamlSequenceNode apps)
        {
            throw new CliException($"{name}: 'apps' must be a list (it may be empty)");
        }

        var parsed = apps.Children.Select((node, index) => App(node, index, baseDirectory, commonEnv, name)).ToList();
        var duplicate = parsed.GroupBy(a => a.AppId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new CliException($"{name}: appID '{duplicate.Key}' appears twice");
        return new RunFile(
            fullPath,
            resources.Select(r => System.IO.Path.GetFullPath(r, baseDirectory)).ToList(),
            config is null ? null : System.IO.Path.GetFullPath(config, baseDirectory),
            parsed);
    }

    private static RunFileApp App(YamlNode node, int index, string baseDirectory, Dictionary<string, string> commonEnv, string name)
    {
        var where = $"{name}: apps[{index}]";
        if (node is not YamlMappingNode app) throw new CliException($"{where}: must be a mapping");
        var dir = Scalar(app, "appDirPath") ?? throw new CliException($"{where}: 'appDirPath' is required");
        var appDirectory = System.IO.Path.GetFullPath(dir, baseDirectory);
        var appId = Scalar(app, "appID") ?? System.IO.Path.GetFileName(appDirectory.TrimEnd('/'));
        var environment = new Dictionary<string, string>(commonEnv);
        foreach (var (key, value) in Environment(app, name)) environment[key] = value;
        return new RunFileApp(
            appId,
            appDirectory,
            Port(app, "appPort", where),
            Port(app, "daprHTTPPort", where),
            Port(app, "daprGRPCPort", where),
            Strings(app, "command", name).ToList(),
            environment);
    }

    private static int Port(YamlMappingNode node, string key, string where)
    {
        var text = Scalar(node, key) ?? throw new CliException($"{where}: '{key}' is required by the FinFlow launcher");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new CliException($"{where}: '{key}' must be a port number, not '{text}'");
        }

        return port;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static IEnumerable<string> Strings(YamlMappingNode node, string key, string name)
    {
        if (!node.Children.TryGetValue(key, out var value)) return [];
        if (value is not YamlSequenceNode sequence) throw new CliException($"{name}: '{key}' must be a list");
        return sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "");
    }

    private static Dictionary<string, string> Environment(YamlMappingNode node, string name)
    {
        if (!node.Children.TryGetValue("env", out var value)) return [];
        if (value is not YamlMappingNode env) throw new CliException($"{name}: 'env' must be a mapping");
        return env.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => (pair.Value as YamlScalarNode)?.Value ?? "");
    }
}
