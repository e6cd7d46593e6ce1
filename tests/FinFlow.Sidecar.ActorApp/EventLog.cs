using System.Diagnostics;
using FinFlow.Sidecar.ActorApp.Contracts;

namespace FinFlow.Sidecar.ActorApp;

/// <summary>Everything the actors did since the app started, served at <c>GET /events</c>.</summary>
public sealed class EventLog
{
    private readonly Lock _gate = new();
    private readonly List<ActorEvent> _events = [];

    public void Add(string actorType, string actorId, string kind, string? name = null, string? payload = null)
    {
        lock (_gate) _events.Add(new ActorEvent(actorType, actorId, kind, name, payload, Stopwatch.GetTimestamp()));
    }

    public IReadOnlyList<ActorEvent> For(string? actorId)
    {
        lock (_gate) return [.. _events.Where(e => actorId is null || e.ActorId == actorId)];
    }
}
