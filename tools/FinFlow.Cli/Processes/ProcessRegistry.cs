using System.Text.Json;

namespace FinFlow.Cli.Processes;

/// <summary>The record under <c>.finflow/run/</c> of exactly what <c>up</c> started, so <c>down</c> stops only that.</summary>
public static class ProcessRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IReadOnlyList<ProcessRecord> Load(Workspace workspace) =>
        File.Exists(workspace.ProcessesFile)
            ? JsonSerializer.Deserialize<List<ProcessRecord>>(File.ReadAllText(workspace.ProcessesFile), Json) ?? []
            : [];

    public static void Save(Workspace workspace, IEnumerable<ProcessRecord> records)
    {
        Directory.CreateDirectory(workspace.RunDirectory);
        File.WriteAllText(workspace.ProcessesFile, JsonSerializer.Serialize(records.ToList(), Json));
    }

    public static void Clear(Workspace workspace)
    {
        if (File.Exists(workspace.ProcessesFile)) File.Delete(workspace.ProcessesFile);
    }
}
