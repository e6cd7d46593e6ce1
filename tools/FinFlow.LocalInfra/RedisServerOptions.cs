namespace FinFlow.LocalInfra;

public sealed record RedisServerOptions
{
    /// <summary>Folder for the AOF and logs; null means a fresh temporary one deleted on stop.</summary>
    public string? Directory { get; init; }

    public int? Port { get; init; }

    /// <summary>When set, clients must AUTH with it.</summary>
    public string? Password { get; init; }

    /// <summary>Append-only file on, so streams and pending entries survive a restart (the launcher).</summary>
    public bool Durable { get; init; }

    /// <summary>
    /// Runs the server in its own session with no inherited stdio, so it outlives the starting process
    /// (the launcher's <c>up --detach</c>) without holding that process's terminal or pipes open.
    /// </summary>
    public bool Detached { get; init; }
}
