using System.Security.Cryptography;
using System.Text;
using FinFlow.LocalInfra;

namespace FinFlow.Cli.Platform;

/// <summary>
/// Where the kept cluster lives. Normally <c>.finflow/postgres</c>. When the launcher runs as root from a
/// folder the unprivileged <c>postgres</c> account cannot reach (a checkout under /root, mode 0700),
/// the cluster lives in <c>/var/lib/finflow/&lt;hash&gt;/postgres</c> and <c>.finflow/postgres</c> is a
/// link to it, so it still survives down/up and <c>reset</c> still removes it.
/// </summary>
public static class PostgresDataHome
{
    private const string SharedRoot = "/var/lib/finflow";

    public static async Task<string> PrepareAsync(Workspace workspace)
    {
        Directory.CreateDirectory(workspace.Root);
        var existing = Resolve(workspace);
        if (existing != workspace.PostgresDirectory) return existing;
        if (await ServerAccount.ForPostgres().CanEnterAsync(workspace.Root)) return workspace.PostgresDirectory;

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workspace.Root)))[..16];
        var target = Path.Combine(SharedRoot, hash, "postgres");
        Directory.CreateDirectory(target);
        if (!Directory.Exists(workspace.PostgresDirectory)) Directory.CreateSymbolicLink(workspace.PostgresDirectory, target);
        return target;
    }

    /// <summary>The real folder behind <c>.finflow/postgres</c> (the server account may not follow the link's path).</summary>
    public static string Resolve(Workspace workspace)
    {
        var link = new DirectoryInfo(workspace.PostgresDirectory);
        return link.Exists && link.LinkTarget is not null
            ? link.ResolveLinkTarget(returnFinalTarget: true)!.FullName
            : workspace.PostgresDirectory;
    }
}
