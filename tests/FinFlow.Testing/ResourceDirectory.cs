namespace FinFlow.Testing;

/// <summary>A temporary resources folder for one sidecar, deleted on dispose.</summary>
public sealed class ResourceDirectory : IDisposable
{
    public ResourceDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "finflow-sidecar-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string fileName, string content)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
