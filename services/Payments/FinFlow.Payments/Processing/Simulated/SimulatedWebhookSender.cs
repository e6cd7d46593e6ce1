using System.Net.Mime;
using System.Text;

namespace FinFlow.Payments.Processing.Simulated;

/// <summary>
/// Posts a signed webhook body, by default to this app's own <c>payments/webhook</c> through its sidecar (the
/// same door Stripe's webhooks come in by), or to a configured absolute address.
/// </summary>
public sealed class SimulatedWebhookSender(HttpClient http, Uri target)
{
    public Uri Target { get; } = target;

    /// <summary>Null when the endpoint took it (2xx); otherwise why not.</summary>
    public async Task<string?> SendAsync(string payload, string signatureHeader, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Target)
        {
            Content = new StringContent(payload, Encoding.UTF8, MediaTypeNames.Application.Json),
        };
        request.Headers.TryAddWithoutValidation(StripeSignature.HeaderName, signatureHeader);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return e.Message;
        }
    }
}
