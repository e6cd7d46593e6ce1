using System.Collections.Concurrent;
using System.Threading.Channels;
using Dapr.DurableTask.Protobuf;
using Grpc.Core;

namespace FinFlow.Sidecar.Workflow.Engine;

/// <summary>
/// Hands work items to the connected <c>GetWorkItems</c> streams. An item stays "in flight" on the stream that got
/// it until the worker completes it; when that stream ends (the app died or reconnected), its in-flight items go
/// back to the queue for the next stream, so nothing sent to a dead worker is lost.
/// </summary>
public sealed class WorkItemHub
{
    private readonly Channel<WorkDispatch> _queue = Channel.CreateUnbounded<WorkDispatch>();
    private readonly ConcurrentDictionary<string, (WorkDispatch Dispatch, Guid Stream)> _inFlight = new(StringComparer.Ordinal);
    private int _streams;

    public int ConnectedStreams => Volatile.Read(ref _streams);

    public int InFlight => _inFlight.Count;

    public void Enqueue(WorkDispatch dispatch) => _queue.Writer.TryWrite(dispatch);

    /// <summary>The worker answered: the item leaves the in-flight set (also for an answer to an item already re-sent).</summary>
    public void Acknowledge(string completionToken) => _inFlight.TryRemove(completionToken, out _);

    /// <summary>The worker answered but the answer could not be kept (database error): the item is sent again.</summary>
    public void Requeue(string completionToken)
    {
        if (_inFlight.TryRemove(completionToken, out var entry)) _queue.Writer.TryWrite(entry.Dispatch);
    }

    public async Task ServeAsync(IServerStreamWriter<WorkItem> stream, CancellationToken ct)
    {
        var streamId = Guid.NewGuid();
        Interlocked.Increment(ref _streams);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var dispatch = await _queue.Reader.ReadAsync(ct);
                if (!dispatch.IsLive()) continue;
                var token = dispatch.Item.CompletionToken;
                _inFlight[token] = (dispatch, streamId);
                try
                {
                    await stream.WriteAsync(dispatch.Item, ct);
                }
                catch
                {
                    _inFlight.TryRemove(token, out _);
                    _queue.Writer.TryWrite(dispatch);
                    throw;
                }
            }
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // The worker went away or the sidecar is stopping; its items are re-queued below.
        }
        finally
        {
            Interlocked.Decrement(ref _streams);
            foreach (var (token, entry) in _inFlight)
            {
                if (entry.Stream == streamId && _inFlight.TryRemove(token, out _)) _queue.Writer.TryWrite(entry.Dispatch);
            }
        }
    }
}
