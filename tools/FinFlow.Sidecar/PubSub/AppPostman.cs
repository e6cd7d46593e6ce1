using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FinFlow.Sidecar.Hosting;

namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// Delivers one CloudEvent to the app over HTTP as daprd's postman does (<c>postman/http/http.go</c>):
/// <c>POST</c> as <c>application/cloudevents+json</c>, broker metadata as headers, the trace continued, and
/// the answer read with the table of contract §3.6.
/// </summary>
public sealed class AppPostman(AppChannel channel)
{
    public async Task<DeliveryResult> DeliverAsync(string path, byte[] body, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentTypes.CloudEventJson);
        foreach (var (name, value) in headers)
        {
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase) || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)) continue;
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await channel.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (HttpRequestException error)
        {
            return new DeliveryResult(DeliveryStatus.Retry, null, $"error returned from app channel while sending pub/sub event to app: {error.Message}");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var code = (int)response.StatusCode;
            if (code is >= 200 and <= 299) return FromBody(text);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new DeliveryResult(DeliveryStatus.Drop, code, $"non-retriable error returned from app: {text}. status code returned: 404");
            }

            return new DeliveryResult(DeliveryStatus.Retry, code, $"retriable error returned from app: {text}. status code returned: {code}");
        }
    }

    /// <summary>A 2xx answer: only an upper-case <c>status</c> of RETRY/DROP (or an unknown value) changes the outcome.</summary>
    private static DeliveryResult FromBody(string text)
    {
        string? status;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return DeliveryResult.Success;
            var property = json.RootElement.EnumerateObject().FirstOrDefault(p => p.Name.Equals("status", StringComparison.OrdinalIgnoreCase));
            if (property.Value.ValueKind == JsonValueKind.Undefined || property.Value.ValueKind == JsonValueKind.Null) return DeliveryResult.Success;
            if (property.Value.ValueKind != JsonValueKind.String) return DeliveryResult.Success; // Go's decoder fails, and daprd skips the check.
            status = property.Value.GetString();
        }
        catch (JsonException)
        {
            return DeliveryResult.Success; // empty or non-JSON bodies are a plain success
        }

        return status switch
        {
            "" or "SUCCESS" => DeliveryResult.Success,
            "RETRY" => new DeliveryResult(DeliveryStatus.Retry, null, "RETRY status returned from app"),
            "DROP" => new DeliveryResult(DeliveryStatus.Drop, null, "DROP status returned from app"),
            _ => new DeliveryResult(DeliveryStatus.Retry, null, $"unknown status returned from app: {status}"),
        };
    }
}
