using System.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// Actor method invocation for both transports: host lookup, the actor's turn (reentrancy per the type's
/// config), the call to the app, and daprd's answer mapping: 200 passes through (also with
/// <c>X-DaprErrorResponseHeader</c>, the SDK's remoted exception), 404 and other statuses become
/// 500 ERR_ACTOR_INVOKE_METHOD.
/// </summary>
public sealed class ActorInvoker(ActorHosting hosting, ActorTable table, ActorAppClient app, ActorMetrics metrics)
{
    /// <summary>The app's 200 answer, buffered; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> InvokeAsync(
        string actorType, string actorId, string method, ReadOnlyMemory<byte> body, string? contentType,
        IEnumerable<KeyValuePair<string, StringValues>> headers, string? reentrancyId, CancellationToken ct)
    {
        if (actorType.Length == 0 || actorId.Length == 0 || method.Length == 0)
        {
            throw ActorErrors.BadRequest("invalid request: actor type, actor id and method are required");
        }

        ActorErrors.ValidateName(actorType, "actorType");
        ActorErrors.ValidateName(actorId, "actorId");
        if (!await hosting.IsHostedAsync(actorType, ct)) throw ActorErrors.NoAddress(actorType, actorId);
        var settings = hosting.Config.For(actorType);
        // daprd gives a call without a reentrancy id a fresh one when reentrancy is on, so the chain can come back in.
        if (settings.ReentrancyEnabled && string.IsNullOrEmpty(reentrancyId)) reentrancyId = Guid.NewGuid().ToString();
        var started = Stopwatch.GetTimestamp();
        var success = false;
        try
        {
            var response = await table.RunTurnAsync(actorType, actorId, settings.ReentrancyEnabled ? reentrancyId : null,
                (_, token) => app.InvokeAsync(actorType, actorId, method, body, contentType, headers, reentrancyId, token), ct);
            var status = (int)response.StatusCode;
            if (status == 200)
            {
                success = !response.Headers.Contains(ActorAppClient.ErrorResponseHeader);
                return response;
            }

            using (response)
            {
                if (status == 404) throw ActorErrors.Invoke($"actor method not found: actors/{actorType}/{actorId}/method/{method}");
                throw ActorErrors.Invoke($"error from actor service: ({status}) {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
        catch (HttpRequestException error)
        {
            throw ActorErrors.Invoke(error.Message, error);
        }
        finally
        {
            metrics.Invoked(actorType, success, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
