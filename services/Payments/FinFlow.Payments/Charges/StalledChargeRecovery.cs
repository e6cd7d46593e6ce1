using Dapper;
using FinFlow.Payments.Hosting;
using FinFlow.Payments.Idempotency;
using FinFlow.Payments.Payments;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FinFlow.Payments.Charges;

/// <summary>
/// Finishes charges whose processor call never completed (the process died, or the processor was down and the
/// client did not retry): such a payment is PENDING without a processor id and, left alone, would hold its
/// amount against the invoice forever. The processor is asked again with the payment's own idempotency key,
/// so a charge that did reach it is found, not repeated. The key's lease is taken first, so a client retrying
/// at the same moment and this worker never both work on one payment.
/// </summary>
public sealed partial class StalledChargeRecovery(
    NpgsqlDataSource db, IdempotencyStore keys, ChargeFlow charges, IOptions<PaymentsOptions> options, ILogger<StalledChargeRecovery> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const string StalledSql = """
        SELECT id FROM payments
         WHERE status = 'PENDING' AND processor_payment_id IS NULL AND created_at < now() - @Age
         ORDER BY created_at
         LIMIT 20
        """;

    /// <summary>Works through the stalled payments once; returns how many the processor has now seen.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> stalled;
        await using (var connection = await db.OpenConnectionAsync(cancellationToken))
        {
            var age = TimeSpan.FromSeconds(options.Value.StalledChargeSeconds);
            stalled = (await connection.QueryAsync<Guid>(new CommandDefinition(StalledSql, new { Age = age }, cancellationToken: cancellationToken))).ToList();
        }

        var recovered = 0;
        foreach (var id in stalled)
        {
            var (busy, lease) = await keys.TryLeaseForPaymentAsync(id, cancellationToken);
            if (busy) continue;
            try
            {
                var payment = await PaymentStore.GetAsync(db, id, cancellationToken);
                if (payment is not { ProcessorPaymentId: null } || payment.State != PaymentStatus.Pending) continue;
                var answer = await charges.FinishStalledAsync(payment);
                if (answer.StatusCode == StatusCodes.Status201Created) recovered++;
                LogRecovered(logger, id, answer.StatusCode);
            }
            finally
            {
                // The answer stays unrecorded: the client's own retry, if it comes, resumes the payment and records it.
                if (lease is not null) await keys.ReleaseAsync(lease.UserId, lease.Key, lease.Token);
            }
        }

        return recovered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RecoverAsync(stoppingToken);
            }
            catch (NpgsqlException e)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stalled payment {PaymentId} sent to the processor again: {StatusCode}")]
    private static partial void LogRecovered(ILogger logger, Guid paymentId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovering stalled payments failed; trying again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
