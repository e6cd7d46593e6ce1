using FinFlow.Testing;
using Dapr.Client;
using FinFlow.Sidecar.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Tests.Secrets;

/// <summary>
/// A sidecar with two local.file stores (flat and multi-valued), two local.env stores (with and without
/// prefix), a Configuration denying one secret, and a component scoped to another app.
/// </summary>
public sealed class SecretsFixture : IAsyncLifetime
{
    private readonly ResourceDirectory _resources = new();

    public SidecarProcess Sidecar { get; private set; } = null!;

    public DaprClient Client { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var file = _resources.Write("secrets.json", """
            {"db": {"password": "p@ss", "user": "admin"}, "api": "key123", "plain": "value", "nested": {"deep": {"x": "y"}, "n": 5}}
            """);
        _resources.Write("components.yaml", $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: filestore
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
              - name: secretsFile
                value: {file}
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: multistore
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
              - name: secretsFile
                value: {file}
              - name: multiValued
                value: "true"
              - name: nestedSeparator
                value: "."
            """);
        _resources.Write("env.yml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: envstore
            spec:
              type: secretstores.local.env
              version: v1
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: prefixed
            spec:
              type: secretstores.local.env
              version: v1
              metadata:
              - name: prefix
                value: FINFLOW_TEST_
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: otherstore
            spec:
              type: state.in-memory
              version: v1
            scopes:
            - some-other-app
            """);
        var config = _resources.Write("config.yaml.conf", """
            apiVersion: dapr.io/v1alpha1
            kind: Configuration
            metadata:
              name: secretsconfig
            spec:
              secrets:
                scopes:
                - storeName: filestore
                  defaultAccess: allow
                  deniedSecrets: ["api"]
            """);
        Sidecar = await SidecarProcess.StartAsync(new SidecarLaunch
        {
            AppId = "secretsapp",
            ResourcesPaths = [_resources.Path],
            ConfigFile = config,
            Environment = new Dictionary<string, string> { ["FINFLOW_TEST_SECRET"] = "s3cret", ["DAPR_TEST_HIDDEN"] = "nope" },
        });
        Client = Sidecar.CreateClient();
        Http = Sidecar.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Http?.Dispose();
        if (Sidecar is not null) await Sidecar.DisposeAsync();
        _resources.Dispose();
    }
}
