using System.Collections.Concurrent;
using FinFlow.Data.Outbox;

namespace FinFlow.Data.Tests;

/// <summary>Stands in for the broker in relay tests: remembers what it was handed, optionally failing or hanging.</summary>
internal sealed class RecordingPublisher : IOutboxPublisher
{
    public ConcurrentQueue<OutboxMessage> Published { get; } = new();

    public Func<OutboxMessage, Task>? AfterPublish { get; set; }

    public Exception? FailWith { get; set; }

    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (FailWith is not null) throw FailWith;
        Published.Enqueue(message);
        if (AfterPublish is not null) await AfterPublish(message);
    }
}
