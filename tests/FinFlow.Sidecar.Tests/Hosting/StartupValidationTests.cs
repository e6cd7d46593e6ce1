using FinFlow.Testing;
using FinFlow.Sidecar.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Tests.Hosting;

/// <summary>Invalid or unsupported resources stop start-up with a non-zero exit naming the file and the field.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("unsupported-type", """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: cache
        spec:
          type: state.redis
          version: v1
        """, "spec.type")]
    [InlineData("missing-metadata", """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: files
        spec:
          type: secretstores.local.file
          version: v1
        """, "secretsFile")]
    [InlineData("postgres-v1", """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: statestore
        spec:
          type: state.postgresql
          version: v1
          metadata:
          - name: connectionString
            value: "host=localhost"
        """, "spec.version")]
    [InlineData("no-name", """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata: {}
        spec:
          type: state.in-memory
        """, "metadata.name")]
    [InlineData("bad-yaml", "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: [unclosed\n", "line")]
    [InlineData("cel-rule", """
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: orders
        spec:
          pubsubname: pubsub
          topic: orders
          routes:
            rules:
            - match: event.type == "order"
              path: /orders
            default: /other
        """, "spec.routes.rules[0].match")]
    [InlineData("bad-retry", """
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: policies
        spec:
          policies:
            retries:
              quick:
                policy: constant
                duration: 1s
          targets:
            apps:
              payments:
                retry: slow
        """, "spec.targets.apps.payments.retry")]
    [InlineData("missing-secret-ref", """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: envsecrets
        spec:
          type: secretstores.local.file
          version: v1
          metadata:
          - name: secretsFile
            value: /nonexistent/secrets.json
        """, "secretsFile")]
    public async Task Invalid_resource_files_stop_start_up_naming_file_and_field(string name, string yaml, string field)
    {
        using var resources = new ResourceDirectory();
        var file = resources.Write($"{name}.yaml", yaml);
        var (exitCode, output) = await SidecarProcess.RunToExitAsync(
            new SidecarLaunch { ResourcesPaths = [resources.Path] }, TimeSpan.FromSeconds(30));
        Assert.Equal(1, exitCode);
        Assert.Contains(file, output, StringComparison.Ordinal);
        Assert.Contains(field, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flag_daprd_does_not_know_is_refused()
    {
        var (exitCode, output) = await SidecarProcess.RunToExitAsync(
            new SidecarLaunch { ExtraArguments = ["--no-such-flag", "x"] }, TimeSpan.FromSeconds(30));
        Assert.Equal(2, exitCode);
        Assert.Contains("no-such-flag", output, StringComparison.Ordinal);
    }
}
