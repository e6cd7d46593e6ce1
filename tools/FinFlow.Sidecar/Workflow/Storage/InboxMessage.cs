using Dapr.DurableTask.Protobuf;

namespace FinFlow.Sidecar.Workflow.Storage;

/// <summary>
/// An event waiting for an instance's next turn. <see cref="ExecutionId"/> pins results (task, timer, child) to
/// the execution that asked for them, so a ContinueAsNew drops stale ones; control events leave it null.
/// </summary>
public sealed record InboxMessage(long Id, string InstanceId, string? ExecutionId, HistoryEvent Event);
