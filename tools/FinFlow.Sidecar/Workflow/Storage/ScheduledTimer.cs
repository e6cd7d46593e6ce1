using Dapr.DurableTask.Protobuf;

namespace FinFlow.Sidecar.Workflow.Storage;

/// <summary>
/// A durable timer: when it is due, <see cref="Event"/> (timerFired, or executionStarted for a scheduled start,
/// whose <see cref="TimerId"/> is -1) moves into the instance's inbox.
/// </summary>
public sealed record ScheduledTimer(string InstanceId, string ExecutionId, int TimerId, DateTime FireAt, HistoryEvent Event);
