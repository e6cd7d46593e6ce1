using FinFlow.Sidecar.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// Deactivates actors idle for longer than their type's <c>actorIdleTimeout</c>, checked every
/// <c>actorScanInterval</c>: <c>DELETE actors/{type}/{id}</c> on the app (which runs OnDeactivateAsync).
/// Their timers stop with the activation; their reminders stay and activate them again when due. A graceful
/// stop deactivates every actor that is not in a call.
/// </summary>
public sealed class ActorIdleScanner(ActorHosting hosting, ActorTable table, ActorAppClient app, ILogger<ActorIdleScanner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var config = await hosting.Loaded.WaitAsync(stoppingToken);
        if (config.Types.Count == 0 || hosting.StateStore is null) return;
        using var timer = new PeriodicTimer(config.ScanInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var idle = table.TakeIdle();
                if (idle.Count > 0) await Task.WhenAll(idle.Select(entry => DeactivateAsync(entry.Actor, entry.Done, stoppingToken)));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>On a graceful stop the app gets OnDeactivateAsync for every actor not in a call, within a short budget.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (hosting.StateStore is null || !hosting.Loaded.IsCompletedSuccessfully) return;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(3));
        await Task.WhenAll(table.TakeAll().Select(entry => DeactivateAsync(entry.Actor, entry.Done, budget.Token)));
    }

    private async Task DeactivateAsync(ActiveActor actor, TaskCompletionSource done, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(actor.Settings.DrainOngoingCallTimeout);
            await app.DeactivateAsync(actor.ActorType, actor.ActorId, timeout.Token);
            logger.LogDebug("Deactivated actor {Type}||{Id}", actor.ActorType, actor.ActorId);
        }
        catch (Exception error)
        {
            // The activation is gone from the table either way; the app will see the id again as a fresh activation.
            logger.LogWarning("Deactivating actor {Type}||{Id} failed: {Error}", actor.ActorType, actor.ActorId, error.Message);
        }
        finally
        {
            table.Deactivated(actor, done);
        }
    }
}
