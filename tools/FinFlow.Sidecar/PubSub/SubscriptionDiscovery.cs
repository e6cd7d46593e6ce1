using System.Net;
using System.Text.Json;
using FinFlow.Sidecar.Hosting;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// Asks the app for its programmatic subscriptions (<c>GET /dapr/subscribe</c>) once the app channel is
/// ready, with daprd's built-in initialisation retries (3 retries, exponential from 500 ms). 404 means none;
/// any other failure is logged and also means none, as in daprd.
/// </summary>
public sealed class SubscriptionDiscovery(AppChannel channel, ILogger<SubscriptionDiscovery> logger)
{
    public async Task<IReadOnlyList<TopicSubscription>> DiscoverAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "dapr/subscribe");
                using var response = await channel.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                if (response.StatusCode == HttpStatusCode.NotFound) return [];
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    logger.LogWarning("App returned {Status} for /dapr/subscribe; no programmatic subscriptions: {Body}", (int)response.StatusCode, text);
                    return [];
                }

                using var json = JsonDocument.Parse(text);
                return ProgrammaticSubscriptionParser.Parse(json.RootElement);
            }
            catch (Exception error) when (error is JsonException or FormatException)
            {
                logger.LogError("Cannot read the app's /dapr/subscribe answer; no programmatic subscriptions: {Error}", error.Message);
                return [];
            }
            catch (HttpRequestException error) when (attempt < 3)
            {
                logger.LogWarning("Calling /dapr/subscribe failed ({Error}); retrying in {Delay}", error.Message, delay);
                await Task.Delay(delay, ct);
                delay *= 1.5;
            }
            catch (HttpRequestException error)
            {
                logger.LogError("Calling /dapr/subscribe failed; no programmatic subscriptions: {Error}", error.Message);
                return [];
            }
        }
    }
}
