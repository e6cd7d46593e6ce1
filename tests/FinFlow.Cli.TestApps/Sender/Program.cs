using Dapr.Client;
using FinFlow.Contracts;
using FinFlow.ServiceDefaults;

// Launcher test app: everything it does goes through its sidecar (state, pub/sub, invocation).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPost("/orders", async (Order order, DaprClient dapr) =>
{
    await dapr.SaveStateAsync(DaprComponents.StateStore, $"order-{order.Id}", order);
    await dapr.PublishEventAsync(DaprComponents.PubSub, "order_placed", order);
    return Results.Accepted($"/orders/{order.Id}");
});
app.MapGet("/orders/{id}", async (string id, DaprClient dapr) =>
    await dapr.GetStateAsync<Order?>(DaprComponents.StateStore, $"order-{id}") is { } order ? Results.Ok(order) : Results.NotFound());
// Service invocation the way the SDK now recommends: an HttpClient whose requests go through the sidecar.
// The token is passed explicitly: the static factory does not read DAPR_API_TOKEN by itself.
var receiver = DaprClient.CreateInvokeHttpClient("receiver", daprApiToken: builder.Configuration["DAPR_API_TOKEN"]);
app.MapGet("/orders/{id}/delivered", async (string id) =>
{
    var received = await receiver.GetFromJsonAsync<string[]>("/received") ?? [];
    return Results.Ok(received.Contains(id));
});
app.Run();

/// <summary>The state saved and the event published.</summary>
internal sealed record Order(string Id, decimal Amount);
