using System.Text.Json;

namespace FinFlow.Sidecar.Components.LocalFileSecrets;

/// <summary>Creates <see cref="LocalFileSecretStore"/> from <c>secretsFile</c>, <c>nestedSeparator</c> and <c>multiValued</c>.</summary>
public sealed class LocalFileSecretStoreFactory : IComponentFactory
{
    public string Type => "secretstores.local.file";

    public IReadOnlyList<string> Versions { get; } = ["v1"];

    public async Task<object> CreateAsync(ComponentInitContext context, CancellationToken ct)
    {
        var metadata = context.Metadata;
        // Relative to the directory the sidecar starts in, as daprd resolves it.
        var path = Path.GetFullPath(metadata.Required("secretsFile"));
        if (!File.Exists(path)) throw metadata.Error("secretsFile", $"file '{path}' does not exist");
        JsonDocument document;
        try
        {
            await using var stream = File.OpenRead(path);
            document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw metadata.Error("secretsFile", $"'{path}' is not valid JSON: {e.Message}");
        }

        using (document)
        {
            try
            {
                return new LocalFileSecretStore(document.RootElement, metadata.Get("nestedSeparator") ?? ":", metadata.Bool("multiValued", false));
            }
            catch (InvalidDataException e)
            {
                throw metadata.Error("secretsFile", e.Message);
            }
        }
    }
}
