using Dapr.DurableTask.Protobuf;

namespace FinFlow.Sidecar.Workflow.Storage;

/// <summary>
/// Everything one turn changes, written in a single transaction by <see cref="WorkflowStore.CommitTurnAsync"/>:
/// the history append, the consumed inbox rows, new activities, timers, child instances, messages for other
/// instances (or this one, after ContinueAsNew) and the instance row.
/// </summary>
public sealed class TurnCommit(WorkflowInstanceRecord before, int historyLength)
{
    public WorkflowInstanceRecord Before { get; } = before;

    /// <summary>How many history events the turn replayed; the commit is refused if another writer appended meanwhile.</summary>
    public int HistoryLength { get; } = historyLength;

    /// <summary>The instance row after the turn (new execution id after ContinueAsNew).</summary>
    public WorkflowInstanceRecord After { get; set; } = before;

    /// <summary>ContinueAsNew: the old execution's history, activities and timers are dropped before the append.</summary>
    public bool ResetHistory { get; set; }

    /// <summary>The instance finished (or continued as new): its open activities and timers are dropped.</summary>
    public bool DropOpenWork { get; set; }

    public List<HistoryEvent> Append { get; } = [];

    public List<long> ConsumedInbox { get; } = [];

    public List<ActivityRequest> Activities { get; } = [];

    public List<ScheduledTimer> Timers { get; } = [];

    /// <summary>Child instances to create (PENDING) before their start message is queued.</summary>
    public List<WorkflowInstanceRecord> NewInstances { get; } = [];

    /// <summary>Inbox rows for any instance; a message for an instance that does not exist is dropped.</summary>
    public List<InboxMessage> Messages { get; } = [];

    /// <summary>Instances whose pending state this turn changed, so the engine schedules them next.</summary>
    public IEnumerable<string> TouchedInstances => Messages.Select(m => m.InstanceId).Distinct(StringComparer.Ordinal);
}
