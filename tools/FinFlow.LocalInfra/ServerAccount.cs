namespace FinFlow.LocalInfra;

/// <summary>
/// The OS account the database server runs as. PostgreSQL refuses to run as root, so when this
/// process is root the server runs as the unprivileged <c>postgres</c> account (or <c>nobody</c>).
/// </summary>
public sealed class ServerAccount
{
    private ServerAccount(string? userName) => UserName = userName;

    /// <summary>Null when commands run as the current user.</summary>
    public string? UserName { get; }

    public static ServerAccount ForPostgres()
    {
        if (!Environment.IsPrivilegedProcess) return new ServerAccount(null);
        var user = UserExists("postgres") ? "postgres" : "nobody";
        return new ServerAccount(user);
    }

    public Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken ct = default)
    {
        if (UserName is null) return ProcessRunner.RunAsync(program, arguments, timeout, ct);
        return ProcessRunner.RunAsync("runuser", ["-u", UserName, "--", program, .. arguments], timeout, ct);
    }

    /// <summary>Whether the account can reach a folder (every ancestor traversable), e.g. not one under root's private home.</summary>
    public async Task<bool> CanEnterAsync(string directory, CancellationToken ct = default)
    {
        if (UserName is null) return true;
        var result = await RunAsync("test", ["-x", directory], TimeSpan.FromSeconds(10), ct);
        return result.Succeeded;
    }

    /// <summary>Gives the account ownership of a folder it must write to.</summary>
    public async Task TakeOwnershipAsync(string directory, CancellationToken ct = default)
    {
        if (UserName is null) return;
        var result = await ProcessRunner.RunAsync("chown", ["-R", $"{UserName}:", directory], TimeSpan.FromSeconds(30), ct);
        if (!result.Succeeded) throw new InvalidOperationException($"chown {directory} failed: {result.Describe()}");
    }

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd")
        && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));
}
