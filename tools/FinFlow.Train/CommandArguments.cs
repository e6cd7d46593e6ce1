using System.Globalization;

namespace FinFlow.Train;

/// <summary><c>--name value</c> options after the command word; unknown options are an error, not ignored.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options;

    private CommandArguments(Dictionary<string, string> options, string repositoryRoot)
    {
        _options = options;
        RepositoryRoot = repositoryRoot;
    }

    public string RepositoryRoot { get; }

    public static CommandArguments Parse(IReadOnlyList<string> arguments, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (!arguments[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= arguments.Count)
                throw new ArgumentException($"Expected '--option value', got '{arguments[i]}'.");
            options[arguments[i][2..]] = arguments[++i];
        }

        return new CommandArguments(options, repositoryRoot);
    }

    /// <summary>Throws when an option other than <paramref name="known"/> was given.</summary>
    public void AllowOnly(params string[] known)
    {
        var unknown = _options.Keys.Except(known).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(name => "--" + name))}.");
    }

    /// <summary>An option naming a path, resolved against the repository root unless absolute.</summary>
    public string Path(string name, string defaultRelativePath) =>
        System.IO.Path.GetFullPath(_options.GetValueOrDefault(name, defaultRelativePath), RepositoryRoot);

    public int Number(string name, int defaultValue) =>
        _options.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : defaultValue;
}
