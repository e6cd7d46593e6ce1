namespace FinFlow.Sidecar.Resources;

/// <summary>A resource file the sidecar refuses to start with; names the file and the offending field.</summary>
public sealed class ResourceException : Exception
{
    public ResourceException(string file, string field, string problem, Exception? inner = null)
        : base($"{file}: {field}: {problem}", inner)
    {
        File = file;
        Field = field;
        Problem = problem;
    }

    public string File { get; }

    public string Field { get; }

    public string Problem { get; }
}
