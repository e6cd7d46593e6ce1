namespace FinFlow.Sidecar.State;

/// <summary>
/// daprd's key prefixing (<c>state_config.go</c>, contract §2.4): <c>&lt;prefix&gt;||&lt;key&gt;</c>, where the
/// prefix comes from the component's <c>keyPrefix</c> (appid by default, name, namespace, none, or a literal).
/// </summary>
public sealed class StateKeyPrefix
{
    public const string Separator = "||";

    private StateKeyPrefix(string prefix) => Prefix = prefix;

    public string Prefix { get; }

    public static StateKeyPrefix For(string? keyPrefix, string appId, string componentName, string? @namespace)
    {
        var mode = keyPrefix ?? "appid";
        var prefix = mode.ToLowerInvariant() switch
        {
            "appid" => appId,
            "name" => componentName,
            "namespace" => string.IsNullOrEmpty(@namespace) ? appId : $"{@namespace}.{appId}",
            "none" => "",
            _ => mode,
        };
        return new StateKeyPrefix(prefix);
    }

    public string Apply(string key) => Prefix.Length == 0 ? key : Prefix + Separator + key;

    /// <summary>The caller's key from a stored one: everything after the last separator, as daprd splits it.</summary>
    public static string Original(string storedKey)
    {
        var at = storedKey.LastIndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? storedKey : storedKey[(at + Separator.Length)..];
    }
}
