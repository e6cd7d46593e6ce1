using Dapr.DurableTask.Protobuf;

namespace FinFlow.Sidecar.Workflow.Engine;

/// <summary>A work item waiting for a worker stream; <see cref="IsLive"/> is asked before each (re)delivery, so finished work is never sent again.</summary>
public sealed record WorkDispatch(WorkItem Item, Func<bool> IsLive);
