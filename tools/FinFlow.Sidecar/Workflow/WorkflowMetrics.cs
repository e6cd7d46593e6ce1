using System.Collections.Concurrent;
using System.Text;
using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Observability;

namespace FinFlow.Sidecar.Workflow;

/// <summary>
/// Workflow series on <c>/metrics</c>. Names follow daprd's workflow metrics where daprd has one: daprd counts each
/// orchestrator run (our turn) in <c>dapr_runtime_workflow_execution_count</c> and times activities in
/// <c>dapr_runtime_workflow_activity_execution_latency</c> (ms). daprd has no pending-timer gauge, so that one is ours.
/// </summary>
public sealed class WorkflowMetrics(SidecarOptions options) : IMetricsSource
{
    private readonly ConcurrentDictionary<string, long> _turns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Activity, string Status), LatencyHistogram> _activities = new();
    private long _pendingTimers;

    /// <summary>Outcomes: success, failed (nothing committed), or the workflow's final status when the turn ended it.</summary>
    public void TurnFinished(string outcome) => _turns.AddOrUpdate(outcome, 1, (_, count) => count + 1);

    public void ActivityFinished(string activity, string status, double milliseconds) =>
        _activities.GetOrAdd((activity, status), _ => new LatencyHistogram()).Observe(milliseconds);

    public void PendingTimers(long count) => Interlocked.Exchange(ref _pendingTimers, count);

    public string Render()
    {
        var text = new StringBuilder();
        var app = $"app_id=\"{PrometheusText.Escape(options.AppId)}\"";
        PrometheusText.Series(text, "dapr_runtime_workflow_execution_count", "counter", "Workflow turns (orchestrator runs) by outcome.",
            _turns.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ($"{app},status=\"{p.Key}\"", (double)p.Value)));
        PrometheusText.Histogram(text, "dapr_runtime_workflow_activity_execution_latency", "Activity latency from dispatch to committed result, in milliseconds.",
            _activities.OrderBy(p => p.Key.Activity, StringComparer.Ordinal).ThenBy(p => p.Key.Status, StringComparer.Ordinal)
                .Select(p => ($"{app},activity_name=\"{PrometheusText.Escape(p.Key.Activity)}\",status=\"{p.Key.Status}\"", p.Value)));
        PrometheusText.Series(text, "finflow_workflow_pending_timers", "gauge", "Durable workflow timers not yet fired (daprd has no such gauge).",
            [(app, Interlocked.Read(ref _pendingTimers))]);
        return text.ToString();
    }
}
