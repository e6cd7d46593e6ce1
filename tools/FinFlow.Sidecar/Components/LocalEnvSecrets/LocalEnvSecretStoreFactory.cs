namespace FinFlow.Sidecar.Components.LocalEnvSecrets;

/// <summary>Creates <see cref="LocalEnvSecretStore"/>.</summary>
public sealed class LocalEnvSecretStoreFactory : IComponentFactory
{
    public string Type => "secretstores.local.env";

    public IReadOnlyList<string> Versions { get; } = ["v1"];

    public Task<object> CreateAsync(ComponentInitContext context, CancellationToken ct) =>
        Task.FromResult<object>(new LocalEnvSecretStore(context.Metadata.Get("prefix") ?? ""));
}
