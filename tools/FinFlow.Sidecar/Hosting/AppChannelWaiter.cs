using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Hosting;

/// <summary>
/// daprd reports itself healthy only once the app port accepts connections (contract §4.4/§4.5); without
/// an app port there is nothing to wait for.
/// </summary>
public sealed class AppChannelWaiter(SidecarRuntime runtime, ILogger<AppChannelWaiter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (runtime.Options.AppPort is not { } port || port == 0)
        {
            runtime.MarkAppChannelReady();
            return;
        }

        logger.LogInformation("Waiting for the app on {Address}:{Port}", runtime.Options.AppChannelAddress, port);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(runtime.Options.AppChannelAddress, port, stoppingToken);
                runtime.MarkAppChannelReady();
                logger.LogInformation("App channel ready on port {Port}", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
            }
        }
    }
}
