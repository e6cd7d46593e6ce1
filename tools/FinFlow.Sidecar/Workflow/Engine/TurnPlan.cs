using Dapr.DurableTask.Protobuf;
using FinFlow.Sidecar.Workflow.Storage;

namespace FinFlow.Sidecar.Workflow.Engine;

/// <summary>
/// How one turn treats the inbox: stale rows and engine-handled control events are consumed, <see cref="Batch"/> goes
/// to the worker as newEvents, and rows held by a suspension stay for a later turn.
/// </summary>
public sealed class TurnPlan
{
    public List<long> Consumed { get; } = [];

    /// <summary>Suspend/resume/terminate events the engine applies itself, stamped, in arrival order.</summary>
    public List<HistoryEvent> Control { get; } = [];

    public List<InboxMessage> Batch { get; } = [];

    public HistoryEvent? Terminate { get; set; }

    public bool Suspended { get; set; }

    /// <summary>Rows left for a later turn that is not blocked by a suspension.</summary>
    public bool MoreAfter { get; set; }

    /// <summary>
    /// Sorts the inbox: rows of another execution are dropped; a terminate ends everything; a suspension holds every
    /// later event until a resume (daprd semantics); events before a suspension are delivered first.
    /// </summary>
    public static TurnPlan From(TurnInput input)
    {
        var instance = input.Instance;
        var plan = new TurnPlan { Suspended = instance.Status == OrchestrationStatus.Suspended };
        var live = new List<InboxMessage>();
        foreach (var message in input.Inbox)
        {
            if (instance.IsFinished || (message.ExecutionId is not null && message.ExecutionId != instance.ExecutionId)) plan.Consumed.Add(message.Id);
            else live.Add(message);
        }

        if (live.FirstOrDefault(m => m.Event.ExecutionTerminated is not null) is { } terminate)
        {
            plan.Terminate = terminate.Event;
            plan.Consumed.AddRange(live.Select(m => m.Id));
            return plan;
        }

        foreach (var message in live.OrderBy(m => m.Event.ExecutionStarted is null ? 1 : 0))
        {
            var historyEvent = message.Event;
            if (historyEvent.ExecutionSuspended is not null)
            {
                if (plan.Batch.Count > 0)
                {
                    plan.MoreAfter = true;
                    break;
                }

                plan.Consumed.Add(message.Id);
                if (!plan.Suspended) plan.Control.Add(historyEvent);
                plan.Suspended = true;
            }
            else if (historyEvent.ExecutionResumed is not null)
            {
                plan.Consumed.Add(message.Id);
                if (plan.Suspended) plan.Control.Add(historyEvent);
                plan.Suspended = false;
            }
            else if (plan.Suspended)
            {
                continue;
            }
            else
            {
                plan.Consumed.Add(message.Id);
                plan.Batch.Add(message);
            }
        }

        // Events skipped while suspended but followed by a resume are picked up by the next turn.
        var consumed = plan.Consumed.ToHashSet();
        if (!plan.Suspended && live.Any(m => !consumed.Contains(m.Id))) plan.MoreAfter = true;
        return plan;
    }
}
