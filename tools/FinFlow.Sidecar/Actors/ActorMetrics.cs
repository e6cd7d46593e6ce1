using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Observability;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// The actor series on <c>/metrics</c>. daprd's names where it has them (<c>dapr_runtime_actor_deactivated_total</c>,
/// <c>_pending_actor_calls</c>, <c>_timers</c>, <c>_reminders</c>, <c>_reminders_fired_total</c>,
/// <c>_timers_fired_total</c>); invocation count and latency, active actors and reminder lag (fire time − due
/// time) under the same prefix. Latencies in milliseconds.
/// </summary>
public sealed class ActorMetrics(SidecarOptions options) : IMetricsSource
{
    private readonly ConcurrentDictionary<(string Type, bool Success), LatencyHistogram> _invocations = new();
    private readonly ConcurrentDictionary<string, LatencyHistogram> _reminderLag = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _deactivated = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Type, bool Success), long> _remindersFired = new();
    private readonly ConcurrentDictionary<(string Type, bool Success), long> _timersFired = new();
    private readonly ConcurrentDictionary<string, long> _timers = new(StringComparer.Ordinal);
    private readonly string _appId = Escape(options.AppId);

    /// <summary>Set by the reminder scheduler: reminders stored for this app, by actor type.</summary>
    public Func<IReadOnlyDictionary<string, long>>? PendingReminders { get; set; }

    /// <summary>Set by the actor table owner: calls holding or waiting for a turn, by actor type.</summary>
    public Func<IReadOnlyDictionary<string, long>>? PendingCalls { get; set; }

    public void Invoked(string actorType, bool success, double milliseconds) =>
        _invocations.GetOrAdd((actorType, success), _ => new LatencyHistogram()).Observe(milliseconds);

    public void ReminderFired(string actorType, bool success, double lagMilliseconds)
    {
        _remindersFired.AddOrUpdate((actorType, success), 1, (_, n) => n + 1);
        _reminderLag.GetOrAdd(actorType, _ => new LatencyHistogram()).Observe(Math.Max(0, lagMilliseconds));
    }

    public void TimerFired(string actorType, bool success) => _timersFired.AddOrUpdate((actorType, success), 1, (_, n) => n + 1);

    public void TimerCount(string actorType, int delta) => _timers.AddOrUpdate(actorType, delta, (_, n) => n + delta);

    public void Activated(string actorType) => _active.AddOrUpdate(actorType, 1, (_, n) => n + 1);

    public void Deactivated(string actorType)
    {
        _active.AddOrUpdate(actorType, 0, (_, n) => n - 1);
        _deactivated.AddOrUpdate(actorType, 1, (_, n) => n + 1);
    }

    public string Render()
    {
        var text = new StringBuilder();
        var invocations = _invocations.OrderBy(p => p.Key.Type, StringComparer.Ordinal).ThenBy(p => p.Key.Success).ToList();
        Series(text, "dapr_runtime_actor_invocations_total", "counter", "Actor method invocations completed by this sidecar.",
            invocations.Select(p => (Labels(p.Key.Type, p.Key.Success), (double)p.Value.Snapshot().Count)));
        Histogram(text, "dapr_runtime_actor_invocation_latency", "Actor method invocation latency in milliseconds, turn wait included.",
            invocations.Select(p => (Labels(p.Key.Type, p.Key.Success), p.Value)));
        Series(text, "dapr_runtime_actor_active_actors", "gauge", "Actors active in this sidecar.", Gauge(_active));
        Series(text, "dapr_runtime_actor_deactivated_total", "counter", "Actors deactivated after being idle.", Gauge(_deactivated));
        Series(text, "dapr_runtime_actor_pending_actor_calls", "gauge", "Actor calls running or waiting for their turn.",
            Gauge(PendingCalls?.Invoke() ?? new Dictionary<string, long>()));
        Series(text, "dapr_runtime_actor_timers", "gauge", "Actor timers registered in memory.", Gauge(_timers));
        Series(text, "dapr_runtime_actor_reminders", "gauge", "Reminders stored for this app (pending).",
            Gauge(PendingReminders?.Invoke() ?? new Dictionary<string, long>()));
        Series(text, "dapr_runtime_actor_reminders_fired_total", "counter", "Reminder callbacks delivered to the app.",
            _remindersFired.OrderBy(p => p.Key.Type, StringComparer.Ordinal).Select(p => (Labels(p.Key.Type, p.Key.Success), (double)p.Value)));
        Series(text, "dapr_runtime_actor_timers_fired_total", "counter", "Timer callbacks delivered to the app.",
            _timersFired.OrderBy(p => p.Key.Type, StringComparer.Ordinal).Select(p => (Labels(p.Key.Type, p.Key.Success), (double)p.Value)));
        Histogram(text, "dapr_runtime_actor_reminder_lag", "Reminder fire time minus due time in milliseconds.",
            _reminderLag.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ($"app_id=\"{_appId}\",actor_type=\"{Escape(p.Key)}\"", p.Value)));
        return text.ToString();
    }

    private IEnumerable<(string, double)> Gauge(IEnumerable<KeyValuePair<string, long>> values) =>
        values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ($"app_id=\"{_appId}\",actor_type=\"{Escape(p.Key)}\"", (double)p.Value));

    private string Labels(string actorType, bool success) =>
        $"app_id=\"{_appId}\",actor_type=\"{Escape(actorType)}\",success=\"{(success ? "true" : "false")}\"";

    private static void Series(StringBuilder text, string name, string type, string help, IEnumerable<(string Labels, double Value)> series) =>
        PrometheusText.Series(text, name, type, help, series);

    private static void Histogram(StringBuilder text, string name, string help, IEnumerable<(string Labels, LatencyHistogram Histogram)> series) =>
        PrometheusText.Histogram(text, name, help, series);

    private static string Escape(string value) => PrometheusText.Escape(value);
}
