namespace FinFlow.LocalInfra;

/// <summary>Finds the server binaries on PATH or in Debian's versioned PostgreSQL folders.</summary>
public static class BinaryLocator
{
    public static string PostgresBinDirectory()
    {
        var onPath = FindOnPath("pg_ctl");
        if (onPath is not null && File.Exists(Path.Combine(Path.GetDirectoryName(onPath)!, "initdb")))
        {
            return Path.GetDirectoryName(ResolveLink(onPath))!;
        }

        // Debian installs the server outside PATH, one folder per major version; take the newest.
        // FINFLOW_POSTGRES_LIB moves that root (tests use it to simulate a machine without PostgreSQL).
        var debianRoot = Environment.GetEnvironmentVariable("FINFLOW_POSTGRES_LIB") ?? "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null) return newest;
        }

        throw new MissingPrerequisiteException("PostgreSQL server (initdb, pg_ctl)", "postgresql");
    }

    public static string RedisServer() => Locate("redis-server", "redis-server", searchPath: null, "/usr/bin/redis-server");

    /// <summary>The program's full path from <paramref name="searchPath"/> (default: PATH) or the fallbacks; else a clear install hint.</summary>
    public static string Locate(string program, string debianPackage, string? searchPath, params string[] fallbacks) =>
        FindOnPath(program, searchPath)
        ?? fallbacks.FirstOrDefault(File.Exists)
        ?? throw new MissingPrerequisiteException(program, debianPackage);

    public static string? FindOnPath(string program, string? searchPath = null)
    {
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }

    private static string ResolveLink(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}
