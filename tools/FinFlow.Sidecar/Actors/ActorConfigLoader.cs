using System.Net;
using System.Text.Json;
using FinFlow.Sidecar.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// Reads the app's <c>GET /dapr/config</c> once the app channel is ready, with daprd's initialisation retries
/// (3 retries, exponential from 500 ms). 404, an unreadable answer, or no app port all mean "no actors".
/// </summary>
public sealed class ActorConfigLoader(SidecarRuntime runtime, AppChannel app, ActorHosting hosting, ILogger<ActorConfigLoader> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!app.HasApp)
        {
            hosting.SetConfig(ActorHostConfig.Empty);
            return;
        }

        await runtime.AppChannelReady.WaitAsync(stoppingToken);
        ActorHostConfig config;
        try
        {
            config = await ReadAsync(stoppingToken);
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError("Reading /dapr/config failed; no actor types hosted: {Error}", error.Message);
            config = ActorHostConfig.Empty;
        }

        hosting.SetConfig(config);
        if (config.Types.Count == 0) return;
        if (hosting.StateStore is null)
        {
            logger.LogWarning("The app hosts actor types {Types}, but no state store has actorStateStore: \"true\"; actor hosting is suspended",
                string.Join(", ", config.Types));
            return;
        }

        logger.LogInformation("Hosting actor types {Types} (idle timeout {Idle}, scan interval {Scan})",
            string.Join(", ", config.Types), config.Defaults.IdleTimeout, config.ScanInterval);
    }

    private async Task<ActorHostConfig> ReadAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "dapr/config");
                using var response = await app.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                if (response.StatusCode == HttpStatusCode.NotFound) return ActorHostConfig.Empty;
                var text = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    // Apps without actors often guard every route (401/403): worth a note, not a warning.
                    logger.LogInformation("App returned {Status} for /dapr/config; no actor types hosted", (int)response.StatusCode);
                    return ActorHostConfig.Empty;
                }

                using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
                return ActorHostConfig.Parse(json.RootElement);
            }
            catch (JsonException error)
            {
                logger.LogError("Cannot read the app's /dapr/config answer; no actor types hosted: {Error}", error.Message);
                return ActorHostConfig.Empty;
            }
            catch (HttpRequestException error) when (attempt < 3)
            {
                logger.LogWarning("Calling /dapr/config failed ({Error}); retrying in {Delay}", error.Message, delay);
                await Task.Delay(delay, ct);
                delay *= 1.5;
            }
            catch (HttpRequestException error)
            {
                logger.LogError("Calling /dapr/config failed; no actor types hosted: {Error}", error.Message);
                return ActorHostConfig.Empty;
            }
        }
    }
}
