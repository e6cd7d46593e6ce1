using FinFlow.Testing;
using FinFlow.LocalInfra;
using FinFlow.Sidecar.Tests.Infrastructure;
using Grpc.Core;

namespace FinFlow.Sidecar.Tests.State;

/// <summary>
/// The sidecar with <c>state.postgresql</c> v2 on a private PostgreSQL. The connection string reaches the
/// component through <c>secretKeyRef</c> + <c>auth.secretStore</c>, as in production; a second component
/// (<c>sharedstore</c>) uses a templated literal <c>keyPrefix</c>.
/// </summary>
public sealed class PostgresStateFixture : StateSidecarFixture
{
    private PostgresServer? _server;

    public string ConnectionString { get; private set; } = "";

    public override string BadETag => Guid.NewGuid().ToString();

    public override StatusCode FirstWriteConflictStatus => StatusCode.Internal;

    public override async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        ConnectionString = await _server.CreateScratchDatabaseAsync("sidecar");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }

    public SidecarLaunch Launch(string appId) => new() { AppId = appId, ResourcesPaths = [Resources.Path] };

    protected override Task WriteResourcesAsync(ResourceDirectory resources)
    {
        var secrets = resources.Write("secrets.json", System.Text.Json.JsonSerializer.Serialize(new { db = new { connection = ConnectionString } }));
        resources.Write("components.yaml", $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: localsecrets
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
              - name: secretsFile
                value: "{secrets}"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {Store}
            spec:
              type: state.postgresql
              version: v2
              # Generous on a loaded 2-core CI machine; daprd's default is 5s.
              initTimeout: 60s
              metadata:
              - name: connectionString
                secretKeyRef:
                  name: "db:connection"
              - name: cleanupInterval
                value: 1s
              - name: actorStateStore
                value: "true"
            auth:
              secretStore: localsecrets
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: sharedstore
            spec:
              type: state.postgresql
              version: v2
              # Generous on a loaded 2-core CI machine; daprd's default is 5s.
              initTimeout: 60s
              metadata:
              - name: connectionString
                value: "{ConnectionString}"
              - name: tablePrefix
                value: shared_
              - name: keyPrefix
                value: "{"{appID}"}-shared"
            """);
        return Task.CompletedTask;
    }
}
