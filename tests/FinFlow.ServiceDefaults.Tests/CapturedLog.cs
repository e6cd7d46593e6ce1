using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace FinFlow.ServiceDefaults.Tests;

/// <summary>A Serilog sink that keeps each event as the same JSON line the console sink writes.</summary>
internal sealed class CapturedLog : ILogEventSink
{
    private readonly RenderedCompactJsonFormatter _formatter = new();

    public ConcurrentQueue<string> Lines { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        _formatter.Format(logEvent, writer);
        Lines.Enqueue(writer.ToString().TrimEnd());
    }
}
