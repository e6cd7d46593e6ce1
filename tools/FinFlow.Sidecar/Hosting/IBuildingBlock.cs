namespace FinFlow.Sidecar.Hosting;

/// <summary>
/// One Dapr building block (state, secrets, metadata; later pub/sub, invocation, workflow, actors).
/// Each maps its HTTP routes and gRPC methods onto the shared ports through <see cref="SidecarEndpoints"/>;
/// its services are registered in DI by its own <c>Add…</c> extension.
/// </summary>
public interface IBuildingBlock
{
    void Map(SidecarEndpoints endpoints);
}
