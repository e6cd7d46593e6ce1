using FinFlow.Testing;
using System.Text.Json;
using FinFlow.Sidecar.Tests.Infrastructure;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;

namespace FinFlow.Sidecar.Tests.Invocation;

/// <summary>
/// App health checks (contract §4.4): probes of the app's health path every second, one failure making
/// the app unhealthy (threshold 1), one success restoring it; reported in metadata as <c>extended.appHealth</c>.
/// </summary>
public sealed class AppHealthTests : IAsyncLifetime
{
    private EchoAppProcess _app = null!;
    private SidecarProcess _sidecar = null!;

    public async Task InitializeAsync()
    {
        _app = await EchoAppProcess.StartAsync("probed");
        _sidecar = await SidecarProcess.StartAsync(new SidecarLaunch
        {
            AppId = "probed",
            ExtraArguments =
            [
                "--app-port", $"{_app.Port}", "--enable-app-health-check", "--app-health-check-path", "/healthz",
                "--app-health-probe-interval", "1", "--app-health-probe-timeout", "500", "--app-health-threshold", "1",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task Health_follows_the_probe_and_is_reported_in_metadata_on_both_transports()
    {
        await EventuallyAsync(async () => await HttpHealthAsync() == "healthy", TimeSpan.FromSeconds(10), "the first probe succeeds");
        using var client = _sidecar.CreateClient();
        var metadata = await client.GetMetadataAsync();
        Assert.Equal("healthy", metadata.Extended["appHealth"]);

        await _app.SetHealthyAsync(false);
        await EventuallyAsync(async () => await HttpHealthAsync() == "unhealthy", TimeSpan.FromSeconds(10), "a failed probe marks the app unhealthy");

        await _app.SetHealthyAsync(true);
        await EventuallyAsync(async () => await HttpHealthAsync() == "healthy", TimeSpan.FromSeconds(10), "one good probe restores health");
        using var http = _sidecar.CreateHttpClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync("/v1.0/metadata"));
        var health = document.RootElement.GetProperty("appConnectionProperties").GetProperty("health");
        Assert.Equal("/healthz", health.GetProperty("healthCheckPath").GetString());
        Assert.Equal(1, health.GetProperty("healthThreshold").GetInt32());
    }

    private async Task<string?> HttpHealthAsync()
    {
        using var http = _sidecar.CreateHttpClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync("/v1.0/metadata"));
        return document.RootElement.GetProperty("extended").TryGetProperty("appHealth", out var value) ? value.GetString() : null;
    }
}
