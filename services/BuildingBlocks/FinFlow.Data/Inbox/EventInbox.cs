using Dapper;
using Npgsql;

namespace FinFlow.Data.Inbox;

/// <summary>
/// Deduplicates consumed events. Call it inside the transaction that applies the event's effect:
/// the first delivery claims the (event, consumer) row and commits it with the effect; a second
/// delivery, even a concurrent one, waits on that row and then sees it taken.
/// </summary>
public static class EventInbox
{
    private const string ClaimSql = """
        INSERT INTO processed_events (event_id, consumer) VALUES (@EventId, @Consumer)
        ON CONFLICT (event_id, consumer) DO NOTHING
        """;

    /// <summary>True when this is the first delivery: apply the effect. False: already processed, do nothing.</summary>
    public static async Task<bool> TryClaimAsync(
        NpgsqlTransaction transaction, string eventId, string consumer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        var inserted = await transaction.Connection!.ExecuteAsync(
            new CommandDefinition(ClaimSql, new { EventId = eventId, Consumer = consumer }, transaction, cancellationToken: cancellationToken));
        return inserted == 1;
    }
}
