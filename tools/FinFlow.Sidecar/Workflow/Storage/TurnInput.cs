namespace FinFlow.Sidecar.Workflow.Storage;

/// <summary>What one turn starts from: the instance row, its committed history and its pending inbox, in arrival order.</summary>
public sealed record TurnInput(WorkflowInstanceRecord Instance, IReadOnlyList<Dapr.DurableTask.Protobuf.HistoryEvent> History, IReadOnlyList<InboxMessage> Inbox);
