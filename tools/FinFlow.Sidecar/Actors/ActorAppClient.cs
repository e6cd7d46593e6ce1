using System.Net.Http.Headers;
using System.Text.Json;
using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Invocation;
using Microsoft.Extensions.Primitives;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// The app side of the actor protocol (what Dapr.Actors.AspNetCore's MapActorsHandlers serves):
/// <c>PUT actors/{type}/{id}/method/{method}</c>, <c>…/method/remind/{name}</c>, <c>…/method/timer/{name}</c>
/// and <c>DELETE actors/{type}/{id}</c>, all through <see cref="AppChannel"/> (so the app token is sent).
/// </summary>
public sealed class ActorAppClient(AppChannel app)
{
    public const string ReentrancyHeader = "Dapr-Reentrancy-Id";
    public const string ErrorResponseHeader = "X-DaprErrorResponseHeader";
    public const string ReminderCancelHeader = "X-DaprReminderCancel";

    /// <summary>The app's answer, fully buffered (actor calls are not streamed, as in daprd); the caller disposes it.</summary>
    public async Task<HttpResponseMessage> InvokeAsync(
        string actorType, string actorId, string method, ReadOnlyMemory<byte> body, string? contentType,
        IEnumerable<KeyValuePair<string, StringValues>> headers, string? reentrancyId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, MethodPath(actorType, actorId, method));
        request.Content = new ReadOnlyMemoryContent(body);
        // The caller's Content-Type arrives with its other headers; set it here only when they carry none (gRPC).
        InvocationHeaders.CopyRequestHeaders(headers, request, dropAuthorization: false);
        if (request.Content.Headers.ContentType is null && !string.IsNullOrEmpty(contentType) && MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            request.Content.Headers.ContentType = media;
        }

        // The sidecar is a span of its own, as for service invocation: the caller's trace continues with a new parent id.
        var incoming = headers.FirstOrDefault(h => string.Equals(h.Key, TraceContext.TraceParentHeader, StringComparison.OrdinalIgnoreCase)).Value;
        request.Headers.TryAddWithoutValidation(TraceContext.TraceParentHeader, TraceContext.NextTraceParent(incoming.ToString()));
        request.Headers.Remove(ReentrancyHeader);
        if (reentrancyId is not null) request.Headers.TryAddWithoutValidation(ReentrancyHeader, reentrancyId);
        return await app.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
    }

    /// <summary>Fires a reminder with daprd 1.18's body: its data, and empty dueTime and period (the scheduler does not pass them on).</summary>
    public Task<bool> RemindAsync(string actorType, string actorId, string name, byte[]? data, CancellationToken ct) =>
        CallbackAsync($"{MethodPath(actorType, actorId, "remind")}/{Uri.EscapeDataString(name)}", Body(data, null, "", ""), ct);

    /// <summary>Fires a timer: data, callback, and dueTime/period exactly as registered.</summary>
    public Task<bool> FireTimerAsync(ActorTimer timer, CancellationToken ct) =>
        CallbackAsync($"{MethodPath(timer.ActorType, timer.ActorId, "timer")}/{Uri.EscapeDataString(timer.Name)}",
            Body(timer.Data, timer.Callback, timer.DueTime, timer.Period), ct);

    public async Task DeactivateAsync(string actorType, string actorId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"actors/{Uri.EscapeDataString(actorType)}/{Uri.EscapeDataString(actorId)}");
        using var response = await app.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"error from actor service: ({(int)response.StatusCode}) {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    /// <summary>Returns true when the app asks (X-DaprReminderCancel) to stop the recurring callback.</summary>
    private async Task<bool> CallbackAsync(string path, byte[] body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = AppChannel.Json;
        using var response = await app.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if ((int)response.StatusCode != 200)
        {
            throw new HttpRequestException($"error from actor service: ({(int)response.StatusCode}) {await response.Content.ReadAsStringAsync(ct)}");
        }

        return response.Headers.TryGetValues(ReminderCancelHeader, out var values) && values.Any(v => bool.TryParse(v, out var yes) && yes);
    }

    private static string MethodPath(string actorType, string actorId, string method) =>
        $"actors/{Uri.EscapeDataString(actorType)}/{Uri.EscapeDataString(actorId)}/method/{method}";

    private static byte[] Body(byte[]? data, string? callback, string dueTime, string period)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (data is { Length: > 0 })
            {
                writer.WritePropertyName("data");
                writer.WriteRawValue(data, skipInputValidation: true);
            }

            if (callback is not null) writer.WriteString("callback", callback);
            writer.WriteString("dueTime", dueTime);
            writer.WriteString("period", period);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
