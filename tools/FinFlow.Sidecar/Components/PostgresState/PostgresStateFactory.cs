using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FinFlow.Sidecar.Components.PostgresState;

/// <summary>
/// Creates <see cref="PostgresStateStore"/>. Only <c>version: v2</c> is accepted: v1 has another table
/// layout (jsonb, xmin ETags), and silently using v2 tables for a v1 component would break sharing with daprd.
/// </summary>
public sealed partial class PostgresStateFactory : IComponentFactory
{
    public string Type => "state.postgresql";

    public IReadOnlyList<string> Versions { get; } = ["v2"];

    public async Task<object> CreateAsync(ComponentInitContext context, CancellationToken ct)
    {
        var metadata = context.Metadata;
        var prefix = metadata.Get("tablePrefix") ?? "";
        if (!TablePrefix().IsMatch(prefix)) throw metadata.Error("tablePrefix", $"'{prefix}' is not a valid table prefix (letters, digits, _ and one optional schema dot)");
        var cleanup = metadata.Duration("cleanupInterval", TimeSpan.FromHours(1));
        var options = new PostgresStateOptions(
            ConnectionString(metadata),
            prefix + "state",
            metadata.Duration("timeout", TimeSpan.FromSeconds(20)),
            cleanup > TimeSpan.Zero ? cleanup : null,
            metadata.Bool("actorStateStore", false));
        try
        {
            return await PostgresStateStore.OpenAsync(options, context.LoggerFactory.CreateLogger<PostgresStateStore>(), ct);
        }
        catch (NpgsqlException error)
        {
            throw metadata.Error("connectionString", $"cannot open the database: {error.Message}");
        }
    }

    private static string ConnectionString(ComponentMetadata metadata)
    {
        var text = metadata.Get("connectionString");
        try
        {
            var builder = text is null ? new NpgsqlConnectionStringBuilder() : LibpqConnectionString.Parse(text);
            if (text is null)
            {
                builder.Host = metadata.Get("host") ?? metadata.Get("hostaddr") ?? throw metadata.Error("connectionString", "is required (or host, database, user)");
                builder.Port = metadata.Number("port", 5432);
                builder.Database = metadata.Get("database");
                builder.Username = metadata.Get("user");
                builder.Password = metadata.Get("password");
            }

            if (metadata.Get("maxConns") is not null) builder.MaxPoolSize = metadata.Number("maxConns", 100);
            return builder.ConnectionString;
        }
        catch (Exception error) when (error is ArgumentException or FormatException or UriFormatException)
        {
            throw metadata.Error("connectionString", $"not a valid PostgreSQL connection string: {error.Message}");
        }
    }

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TablePrefix();
}
