using System.Globalization;

namespace FinFlow.LocalInfra;

/// <summary>
/// A folder holding one server instance, stamped with the process that owns it. Instances whose
/// owner died without stopping them (a killed test host) are found and stopped by the next start,
/// so nothing started by FinFlow outlives its owner for long.
/// </summary>
public sealed class InstanceDirectory
{
    private const string OwnerFile = "owner";

    private InstanceDirectory(string path, bool ephemeral)
    {
        Path = path;
        Ephemeral = ephemeral;
    }

    public string Path { get; }

    /// <summary>Deleted on stop (test instances) rather than kept (launcher data under .finflow/).</summary>
    public bool Ephemeral { get; }

    public static string EphemeralRoot =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "finflow-infra");

    public static InstanceDirectory CreateEphemeral(string kind)
    {
        Directory.CreateDirectory(EphemeralRoot);
        var path = System.IO.Path.Combine(EphemeralRoot, $"{kind}-{Guid.NewGuid():N}"[..(kind.Length + 13)]);
        Directory.CreateDirectory(path);
        var instance = new InstanceDirectory(path, ephemeral: true);
        instance.StampOwner();
        return instance;
    }

    public static InstanceDirectory UseExisting(string path)
    {
        Directory.CreateDirectory(path);
        var instance = new InstanceDirectory(System.IO.Path.GetFullPath(path), ephemeral: false);
        instance.StampOwner();
        return instance;
    }

    /// <summary>Ephemeral instance folders whose owner process is gone.</summary>
    public static IEnumerable<string> FindOrphans()
    {
        if (!Directory.Exists(EphemeralRoot)) return [];
        return Directory.GetDirectories(EphemeralRoot).Where(dir => !OwnerIsAlive(dir)).ToList();
    }

    public void Delete()
    {
        if (Ephemeral && Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }

    private void StampOwner()
    {
        var pid = Environment.ProcessId;
        File.WriteAllText(System.IO.Path.Combine(Path, OwnerFile), $"{pid} {ProcessTable.StartTicks(pid)}");
    }

    private static bool OwnerIsAlive(string directory)
    {
        var ownerPath = System.IO.Path.Combine(directory, OwnerFile);
        if (!File.Exists(ownerPath))
        {
            // A folder being created right now has no stamp yet; only call it orphaned once it is old.
            return Directory.GetCreationTimeUtc(directory) > DateTime.UtcNow.AddMinutes(-1);
        }

        var parts = File.ReadAllText(ownerPath).Split(' ');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)) return false;
        // The pid may have been reused by an unrelated process; the start time tells them apart.
        return ProcessTable.IsSame(pid, parts[1]);
    }
}
