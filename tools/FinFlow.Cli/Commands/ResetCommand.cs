namespace FinFlow.Cli.Commands;

/// <summary><c>finflow reset [--yes]</c>: stops everything and deletes <c>.finflow/</c> (databases, secrets, logs).</summary>
public static class ResetCommand
{
    public static async Task<int> RunAsync(Workspace workspace, IReadOnlyList<string> args)
    {
        if (!Directory.Exists(workspace.Root))
        {
            Console.Out.WriteLine("nothing to reset");
            return 0;
        }

        if (!args.Contains("--yes") && !args.Contains("-y"))
        {
            Console.Out.Write($"Delete {workspace.Root} (all local databases, secrets and logs)? [y/N] ");
            var answer = Console.In.ReadLine();
            if (!string.Equals(answer?.Trim(), "y", StringComparison.OrdinalIgnoreCase))
            {
                Console.Out.WriteLine("kept");
                return 1;
            }
        }

        await DownCommand.RunAsync(workspace, quiet: true);
        var postgres = Platform.PostgresDataHome.Resolve(workspace);
        // The cluster kept outside the checkout (see PostgresDataHome) goes too, with its per-checkout folder.
        if (postgres != workspace.PostgresDirectory) Directory.Delete(Path.GetDirectoryName(postgres)!, recursive: true);
        Directory.Delete(workspace.Root, recursive: true);
        Console.Out.WriteLine($"deleted {workspace.Root}");
        return 0;
    }
}
