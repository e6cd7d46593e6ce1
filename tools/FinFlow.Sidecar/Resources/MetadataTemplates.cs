namespace FinFlow.Sidecar.Resources;

/// <summary>
/// daprd expands <c>{uuid}</c>, <c>{appID}</c>, <c>{namespace}</c> and <c>{podName}</c> in component
/// metadata values when it loads them; <c>{uuid}</c> gives every sidecar instance its own consumer id.
/// </summary>
public static class MetadataTemplates
{
    public static string Expand(string value, ResourceContext context)
    {
        if (!value.Contains('{', StringComparison.Ordinal)) return value;
        var expanded = value.Replace("{appID}", context.AppId, StringComparison.Ordinal)
            .Replace("{namespace}", string.IsNullOrEmpty(context.Namespace) ? context.AppId : $"{context.Namespace}.{context.AppId}", StringComparison.Ordinal)
            // There are no pods outside Kubernetes; daprd leaves the name empty in self-hosted mode too.
            .Replace("{podName}", Environment.GetEnvironmentVariable("POD_NAME") ?? "", StringComparison.Ordinal);
        while (expanded.Contains("{uuid}", StringComparison.Ordinal))
        {
            var at = expanded.IndexOf("{uuid}", StringComparison.Ordinal);
            expanded = string.Concat(expanded.AsSpan(0, at), Guid.NewGuid().ToString(), expanded.AsSpan(at + 6));
        }

        return expanded;
    }
}
