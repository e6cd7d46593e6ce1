using System.Text.Json;
using Dapper;
using Dapr;
using FinFlow.Contracts;
using FinFlow.Data;
using FinFlow.Data.Inbox;
using FinFlow.ServiceDefaults;
using Npgsql;

// Launcher test app: its database connection string comes from the secret store through its sidecar.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase("receiver", typeof(Program).Assembly);
var paused = false;

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSubscribeHandler();
app.MapPost("/events/order-placed", async (JsonElement cloudEvent, NpgsqlDataSource db) =>
{
    // While paused the message is refused with RETRY, so it stays unacknowledged in the broker.
    if (paused) return Results.Ok(new { status = "RETRY" });
    var orderId = cloudEvent.GetProperty("data").GetProperty("id").GetString();
    await using var connection = await db.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    if (await EventInbox.TryClaimAsync(transaction, cloudEvent.GetProperty("id").GetString()!, "receiver"))
    {
        await connection.ExecuteAsync("INSERT INTO received_orders (order_id) VALUES (@orderId) ON CONFLICT DO NOTHING", new { orderId }, transaction);
    }

    await transaction.CommitAsync();
    return Results.Ok(new { status = "SUCCESS" });
}).WithTopic(DaprComponents.PubSub, "order_placed");
app.MapPost("/pause", () => paused = true);
app.MapGet("/received", async (NpgsqlDataSource db) =>
{
    await using var connection = await db.OpenConnectionAsync();
    return (await connection.QueryAsync<string>("SELECT order_id FROM received_orders ORDER BY received_at")).ToArray();
});
app.Run();
