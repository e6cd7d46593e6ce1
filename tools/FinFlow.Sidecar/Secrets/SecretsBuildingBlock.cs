using FinFlow.Sidecar.Hosting;

namespace FinFlow.Sidecar.Secrets;

/// <summary>Wires the secrets API onto both ports.</summary>
public sealed class SecretsBuildingBlock(SecretsApi api) : IBuildingBlock
{
    public void Map(SidecarEndpoints endpoints)
    {
        SecretsHttpEndpoints.Map(endpoints, api);
        SecretsGrpcHandlers.Map(endpoints.Dapr, api);
    }
}
