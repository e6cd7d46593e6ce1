namespace FinFlow.Cli.Terminal;

/// <summary>Prints new lines of several log files with a coloured name prefix, like `dapr run -f` does.</summary>
public sealed class LogFollower(IReadOnlyDictionary<string, string> logFiles)
{
    private static readonly ConsoleColor[] Colors =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.Red];

    public async Task FollowAsync(bool fromStart, CancellationToken cancellationToken)
    {
        var positions = logFiles.ToDictionary(f => f.Key, f => fromStart || !File.Exists(f.Value) ? 0L : new FileInfo(f.Value).Length);
        var width = logFiles.Keys.Max(k => k.Length);
        var colors = logFiles.Keys.Select((name, i) => (name, Colors[i % Colors.Length])).ToDictionary(p => p.name, p => p.Item2);
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var (name, path) in logFiles)
            {
                if (!File.Exists(path)) continue;
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                if (stream.Length <= positions[name]) continue;
                stream.Seek(positions[name], SeekOrigin.Begin);
                using var reader = new StreamReader(stream);
                var text = await reader.ReadToEndAsync(cancellationToken);
                // Only whole lines; a partial last line waits for its end.
                var complete = text.LastIndexOf('\n');
                if (complete < 0) continue;
                positions[name] += System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, complete + 1));
                foreach (var line in text[..complete].Split('\n')) Write(name.PadRight(width), colors[name], line);
            }

            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public static IReadOnlyList<string> LastLines(string path, int count) =>
        File.Exists(path) ? File.ReadLines(path).TakeLast(count).ToList() : [];

    private static void Write(string name, ConsoleColor color, string line)
    {
        var previous = Console.ForegroundColor;
        Console.ForegroundColor = color;
        Console.Out.Write($"{name} | ");
        Console.ForegroundColor = previous;
        Console.Out.WriteLine(line);
    }
}
