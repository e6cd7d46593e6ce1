namespace FinFlow.LocalInfra;

public sealed record PostgresServerOptions
{
    /// <summary>Folder for the cluster; null means a fresh temporary one deleted on stop.</summary>
    public string? Directory { get; init; }

    /// <summary>Loopback port; null picks a free one.</summary>
    public int? Port { get; init; }

    /// <summary>Password of the superuser; required to reopen an existing cluster, random otherwise.</summary>
    public string? SuperuserPassword { get; init; }

    /// <summary>
    /// False for tests: fsync and synchronous commit off, which is several times faster and safe
    /// because the cluster is thrown away. The launcher keeps data and sets this to true.
    /// </summary>
    public bool Durable { get; init; }
}
