using System.Globalization;
using System.Text;
using Npgsql;

namespace FinFlow.Sidecar.Components.PostgresState;

/// <summary>
/// Dapr component files carry pgx/libpq connection strings (<c>host=... user=... dbname=...</c> or
/// <c>postgres://user:pass@host:5432/db</c>); Npgsql expects <c>Host=...;Username=...</c>. This converts
/// the libpq forms and passes Npgsql's own form through, so one component file works for both sidecars.
/// </summary>
public static class LibpqConnectionString
{
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUri(new Uri(trimmed));
        }

        if (trimmed.Contains(';', StringComparison.Ordinal) || !trimmed.Contains('=', StringComparison.Ordinal))
        {
            return new NpgsqlConnectionStringBuilder(trimmed);
        }

        var builder = new NpgsqlConnectionStringBuilder();
        foreach (var (key, value) in KeyValues(trimmed)) Apply(builder, key, value);
        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromUri(Uri uri)
    {
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0) builder.Port = uri.Port;
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            Apply(builder, Uri.UnescapeDataString(kv[0]), kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "");
        }

        return builder;
    }

    private static void Apply(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        switch (key.ToLowerInvariant())
        {
            case "host" or "hostaddr": builder.Host = value; break;
            case "port": builder.Port = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "dbname" or "database": builder.Database = value; break;
            case "user": builder.Username = value; break;
            case "password": builder.Password = value; break;
            case "sslmode": builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true); break;
            case "connect_timeout": builder.Timeout = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "application_name": builder.ApplicationName = value; break;
            case "search_path": builder.SearchPath = value; break;
            case "pool_max_conns": builder.MaxPoolSize = int.Parse(value, CultureInfo.InvariantCulture); break;
            default: break; // pgx-only tuning keys (pool_min_conns, ...) have no Npgsql equivalent.
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> KeyValues(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) yield break;
            var eq = text.IndexOf('=', i);
            if (eq < 0) throw new ArgumentException($"'{text[i..]}' has no '='");
            var key = text[i..eq].Trim();
            i = eq + 1;
            while (i < text.Length && text[i] == ' ') i++;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '\'')
            {
                for (i++; i < text.Length && text[i] != '\''; i++) value.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] : text[i]);
                i++;
            }
            else
            {
                for (; i < text.Length && !char.IsWhiteSpace(text[i]); i++) value.Append(text[i]);
            }

            yield return new(key, value.ToString());
        }
    }
}
