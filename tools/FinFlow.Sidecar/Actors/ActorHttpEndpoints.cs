using System.Text;
using System.Text.Json;
using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Invocation;
using FinFlow.Sidecar.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FinFlow.Sidecar.Actors;

/// <summary>daprd's actor HTTP API under <c>/v1.0/actors/{actorType}/{actorId}/…</c> (method, state, reminders, timers).</summary>
public sealed class ActorHttpEndpoints(ActorInvoker invoker, ActorStateApi state, ActorReminders reminders, ActorTimersApi timers)
{
    private const string Prefix = "/v1.0/actors/{actorType}/{actorId}";

    public void Map(SidecarEndpoints endpoints)
    {
        var http = endpoints.Http;
        http.MapMethods(Prefix + "/method/{**method}", ["GET", "POST", "PUT", "DELETE"], HttpApi.Handle(InvokeAsync));
        http.MapGet(Prefix + "/state/{key}", HttpApi.Handle(GetStateAsync));
        http.MapMethods(Prefix + "/state", ["POST", "PUT"], HttpApi.Handle(TransactAsync));
        http.MapMethods(Prefix + "/reminders/{name}", ["POST", "PUT"], HttpApi.Handle(CreateReminderAsync));
        http.MapGet(Prefix + "/reminders/{name}", HttpApi.Handle(GetReminderAsync));
        http.MapDelete(Prefix + "/reminders/{name}", HttpApi.Handle(async context =>
        {
            await reminders.DeleteAsync(Route(context, "actorType"), Route(context, "actorId"), Route(context, "name"), context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }));
        http.MapMethods(Prefix + "/timers/{name}", ["POST", "PUT"], HttpApi.Handle(CreateTimerAsync));
        http.MapDelete(Prefix + "/timers/{name}", HttpApi.Handle(context =>
        {
            timers.Delete(Route(context, "actorType"), Route(context, "actorId"), Route(context, "name"));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }));
    }

    private async Task InvokeAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = context.Request;
        using var response = await invoker.InvokeAsync(Route(context, "actorType"), Route(context, "actorId"), Route(context, "method"),
            body.GetBuffer().AsMemory(0, (int)body.Length), request.ContentType, request.Headers,
            request.Headers[ActorAppClient.ReentrancyHeader].ToString() is { Length: > 0 } id ? id : null, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        InvocationHeaders.CopyResponseHeaders(response, context.Response);
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private async Task GetStateAsync(HttpContext context)
    {
        var entry = await state.GetAsync(Route(context, "actorType"), Route(context, "actorId"), Route(context, "key"), context.RequestAborted);
        if (entry is null || entry.Value.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.ContentType = "application/json";
        if (entry.ExpiresAt is { } expires) context.Response.Headers[$"metadata.{StateTtl.ExpireTimeKey}"] = StateTtl.Format(expires);
        await context.Response.Body.WriteAsync(entry.Value, context.RequestAborted);
    }

    private async Task TransactAsync(HttpContext context)
    {
        using var json = await HttpApi.ReadJsonAsync(context);
        if (json.RootElement.ValueKind != JsonValueKind.Array) throw DaprErrors.MalformedRequest("failed deserializing HTTP body: expected an array of operations");
        var operations = new List<ActorStateOperation>();
        foreach (var item in json.RootElement.EnumerateArray())
        {
            var request = Field(item, "request") ?? default;
            operations.Add(new ActorStateOperation(
                String(item, "operation") ?? "",
                request.ValueKind == JsonValueKind.Object ? String(request, "key") : null,
                request.ValueKind == JsonValueKind.Object && Field(request, "value") is { } value ? Encoding.UTF8.GetBytes(value.GetRawText()) : null,
                request.ValueKind == JsonValueKind.Object ? String(request, "etag") : null,
                request.ValueKind == JsonValueKind.Object && Field(request, "metadata") is { } metadata ? HttpApi.StringMap(metadata) : []));
        }

        await state.TransactAsync(Route(context, "actorType"), Route(context, "actorId"), operations, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task CreateReminderAsync(HttpContext context)
    {
        using var json = await HttpApi.ReadJsonAsync(context);
        var body = Object(json.RootElement);
        var overwrite = Field(body, "overwrite") is not { ValueKind: JsonValueKind.False };
        await reminders.CreateAsync(Route(context, "actorType"), Route(context, "actorId"), Route(context, "name"), Data(body),
            String(body, "dueTime"), String(body, "period"), String(body, "ttl"), overwrite, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task GetReminderAsync(HttpContext context)
    {
        var reminder = await reminders.GetAsync(Route(context, "actorType"), Route(context, "actorId"), Route(context, "name"), context.RequestAborted);
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        ReminderView.Write(writer, reminder);
        await writer.FlushAsync(context.RequestAborted);
    }

    private async Task CreateTimerAsync(HttpContext context)
    {
        using var json = await HttpApi.ReadJsonAsync(context);
        var body = Object(json.RootElement);
        await timers.CreateAsync(Route(context, "actorType"), Route(context, "actorId"), Route(context, "name"), String(body, "callback"), Data(body),
            String(body, "dueTime"), String(body, "period"), String(body, "ttl"), context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";

    private static JsonElement Object(JsonElement root) =>
        root.ValueKind is JsonValueKind.Object or JsonValueKind.Null ? root : throw DaprErrors.MalformedRequest("failed deserializing HTTP body: expected an object");

    /// <summary>The raw JSON of <c>data</c>, kept byte for byte: daprd hands it back to the app untouched.</summary>
    private static byte[]? Data(JsonElement body) =>
        Field(body, "data") is { ValueKind: not JsonValueKind.Null } data ? Encoding.UTF8.GetBytes(data.GetRawText()) : null;

    /// <summary>A string field; another JSON type is the decode error daprd's Go structs give.</summary>
    private static string? String(JsonElement body, string name) => Field(body, name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw DaprErrors.MalformedRequest($"failed deserializing HTTP body: json: cannot unmarshal into field {name} of type string"),
    };

    // Go's encoding/json matches field names case-insensitively.
    private static JsonElement? Field(JsonElement body, string name)
    {
        if (body.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        }

        return null;
    }
}
