using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Workflow.Engine;

/// <summary>
/// Runs at most one turn per instance at a time. A request that arrives while a turn runs marks the instance
/// dirty, and the loop runs another turn after it, so no inbox row waits for an outside nudge.
/// </summary>
public sealed class TurnScheduler(ILogger<TurnScheduler> logger)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>Set by the engine: runs one turn; returns true when the instance still has work left (another turn is due).</summary>
    public Func<string, CancellationToken, Task<bool>>? RunTurn { get; set; }

    public CancellationToken Stopping { get; set; }

    public void Schedule(string instanceId)
    {
        while (true)
        {
            var slot = _slots.GetOrAdd(instanceId, _ => new Slot());
            lock (slot)
            {
                // An idle loop retired this slot after we looked it up: take (or make) the current one instead.
                if (slot.Retired) continue;
                slot.Dirty = true;
                if (slot.Running) return;
                slot.Running = true;
            }

            _ = Task.Run(() => LoopAsync(instanceId, slot));
            return;
        }
    }

    private async Task LoopAsync(string instanceId, Slot slot)
    {
        var failures = 0;
        while (true)
        {
            lock (slot)
            {
                if (!slot.Dirty || Stopping.IsCancellationRequested)
                {
                    // Idle instances leave the table, so a long-lived sidecar does not keep one slot per instance ever run.
                    slot.Running = false;
                    slot.Retired = true;
                    _slots.TryRemove(new KeyValuePair<string, Slot>(instanceId, slot));
                    return;
                }

                slot.Dirty = false;
            }

            bool more;
            try
            {
                more = await RunTurn!(instanceId, Stopping);
                failures = 0;
            }
            catch (Exception error) when (!Stopping.IsCancellationRequested)
            {
                // A database hiccup or a stale turn: nothing was committed, so the same inbox is tried again.
                failures++;
                logger.LogWarning(error, "Workflow turn for {InstanceId} failed (attempt {Attempt})", instanceId, failures);
                more = failures < 20;
                if (more) await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * failures * failures)), CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                more = false;
            }

            if (more)
            {
                lock (slot) slot.Dirty = true;
            }
        }
    }

    private sealed class Slot
    {
        public bool Running { get; set; }

        public bool Dirty { get; set; }

        public bool Retired { get; set; }
    }
}
