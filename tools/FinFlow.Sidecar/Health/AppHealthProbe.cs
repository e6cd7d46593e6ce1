using System.Globalization;
using FinFlow.Sidecar.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Health;

/// <summary>
/// daprd's HTTP app health probe (contract §4.4): once the app channel is ready, <c>GET</c> the health path
/// every interval with the probe timeout, through <see cref="AppChannel"/> (so the app token goes along).
/// Any 2xx is healthy and one success restores health; <c>threshold</c> consecutive failures make the app
/// unhealthy.
/// </summary>
public sealed partial class AppHealthProbe(AppHealth health, AppChannel channel, SidecarRuntime runtime, ILogger<AppHealthProbe> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!health.Enabled) return;
        var options = runtime.Options;
        await runtime.AppChannelReady.WaitAsync(stoppingToken);
        var path = options.AppHealthCheckPath.StartsWith('/') ? options.AppHealthCheckPath : "/" + options.AppHealthCheckPath;
        var uri = new Uri(channel.BaseAddress, path);
        var threshold = Math.Max(1, options.AppHealthThreshold);
        var failures = 0;
        using var timer = new PeriodicTimer(options.AppHealthProbeInterval > TimeSpan.Zero ? options.AppHealthProbeInterval : TimeSpan.FromSeconds(5));
        do
        {
            var (ok, reason) = await ProbeAsync(uri, options.AppHealthProbeTimeout, stoppingToken);
            if (stoppingToken.IsCancellationRequested) return;
            failures = ok ? 0 : failures + 1;
            var wasHealthy = health.IsHealthy;
            if (ok && !wasHealthy)
            {
                LogHealthy(logger, reason);
                health.Report(true, reason);
            }
            else if (!ok && wasHealthy && failures >= threshold)
            {
                LogUnhealthy(logger, failures, reason);
                health.Report(false, reason);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<(bool Ok, string Reason)> ProbeAsync(Uri uri, TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(500));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await channel.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            return (status is >= 200 and < 300, $"probe answered {status.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return (false, "probe timed out");
        }
        catch (HttpRequestException error)
        {
            return (false, $"probe failed: {error.Message}");
        }
        catch (OperationCanceledException)
        {
            return (false, "stopping");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "App is healthy ({Reason})")]
    private static partial void LogHealthy(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "App is unhealthy after {Failures} failed probes ({Reason}); deliveries pause")]
    private static partial void LogUnhealthy(ILogger logger, int failures, string reason);
}
