namespace FinFlow.Cli.Commands;

/// <summary>Flags of <c>finflow up</c>.</summary>
public sealed record UpOptions
{
    public string Runtime { get; init; } = "finflow";

    public bool Seed { get; init; } = true;

    public IReadOnlySet<string>? Only { get; init; }

    public bool Detach { get; init; }

    public bool Build { get; init; } = true;

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public static UpOptions Parse(IReadOnlyList<string> args)
    {
        var options = new UpOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new CliException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--runtime" => options with { Runtime = ParseRuntime(Value()) },
                "--no-seed" => options with { Seed = false },
                "--only" => options with { Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                "--detach" or "-d" => options with { Detach = true },
                "--no-build" => options with { Build = false },
                _ => throw new CliException($"up: unknown option '{args[i]}' (up [--runtime finflow|daprd] [--no-seed] [--only app,...] [--detach] [--no-build])"),
            };
        }

        return options;
    }

    private static string ParseRuntime(string value) =>
        value is "finflow" or "daprd" ? value : throw new CliException($"--runtime must be 'finflow' or 'daprd', not '{value}'");
}
