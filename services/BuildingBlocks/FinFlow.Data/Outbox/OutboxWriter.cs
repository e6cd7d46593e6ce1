using System.Diagnostics;
using System.Text.Json;
using Dapper;
using FinFlow.Contracts;
using Npgsql;

namespace FinFlow.Data.Outbox;

/// <summary>
/// Adds an event to the outbox inside the caller's transaction: it is relayed only if that
/// transaction commits. The NOTIFY is delivered by PostgreSQL at commit, waking the relay at once.
/// </summary>
public static class OutboxWriter
{
    public const string Channel = "finflow_outbox";

    private const string InsertSql = """
        INSERT INTO outbox_messages (id, topic, payload, traceparent)
        VALUES (@Id, @Topic, CAST(@Payload AS jsonb), @TraceParent);
        NOTIFY finflow_outbox;
        """;

    public static async Task<Guid> EnqueueAsync<TEvent>(
        NpgsqlTransaction transaction, TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent
    {
        // Version-7 ids sort by creation time, which keeps the relay's scan in insertion order.
        var id = Guid.CreateVersion7();
        var payload = JsonSerializer.Serialize(@event, EventJson.Options);
        var command = new CommandDefinition(
            InsertSql,
            new { Id = id, TEvent.Topic, Payload = payload, TraceParent = Activity.Current?.Id },
            transaction,
            cancellationToken: cancellationToken);
        await transaction.Connection!.ExecuteAsync(command);
        return id;
    }
}
