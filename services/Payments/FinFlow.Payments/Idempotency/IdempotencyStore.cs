using Dapper;
using FinFlow.Payments.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FinFlow.Payments.Idempotency;

/// <summary>
/// Idempotency keys in the payments database, per user. The primary key decides races (concurrent
/// inserts of one key queue behind each other, exactly one wins), a lease marks the owner at work, and
/// all times are the database's, so the rules hold across requests, replicas and restarts.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource db, IOptions<PaymentsOptions> options, TimeProvider time)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(200);

    private const string InsertSql = """
        INSERT INTO idempotency_keys (user_id, key, request_hash, lease_token, locked_until)
        VALUES (@UserId, @Key, @Hash, @Token, now() + @Lease)
        ON CONFLICT (user_id, key) DO NOTHING
        RETURNING 1
        """;

    private const string ReadSql = """
        SELECT request_hash AS RequestHash, payment_id AS PaymentId, response_status AS ResponseStatus, response_body AS ResponseBody, response_location AS ResponseLocation,
               completed_at IS NOT NULL AS Completed, coalesce(locked_until < now(), true) AS LeaseExpired,
               created_at < now() - @Retention AS Expired, created_at AS CreatedAt
          FROM idempotency_keys WHERE user_id = @UserId AND key = @Key
        """;

    private const string DeleteExpiredSql = """
        DELETE FROM idempotency_keys WHERE user_id = @UserId AND key = @Key AND created_at = @CreatedAt AND created_at < now() - @Retention
        """;

    private const string TakeOverSql = """
        UPDATE idempotency_keys SET lease_token = @Token, locked_until = now() + @Lease
         WHERE user_id = @UserId AND key = @Key AND completed_at IS NULL AND (locked_until IS NULL OR locked_until < now())
        RETURNING payment_id
        """;

    private const string LinkPaymentSql = """
        UPDATE idempotency_keys SET payment_id = @PaymentId
         WHERE user_id = @UserId AND key = @Key AND lease_token = @Token AND completed_at IS NULL
        """;

    private const string CompleteSql = """
        UPDATE idempotency_keys
           SET response_status = @StatusCode, response_body = @Body, response_location = @Location, completed_at = now(), lease_token = NULL, locked_until = NULL
         WHERE user_id = @UserId AND key = @Key AND lease_token = @Token AND completed_at IS NULL
        """;

    private const string ReleaseSql = """
        UPDATE idempotency_keys SET lease_token = NULL, locked_until = NULL
         WHERE user_id = @UserId AND key = @Key AND lease_token = @Token AND completed_at IS NULL
        """;

    private const string LeaseForPaymentSql = """
        UPDATE idempotency_keys SET lease_token = @Token, locked_until = now() + @Lease
         WHERE payment_id = @PaymentId AND completed_at IS NULL AND (locked_until IS NULL OR locked_until < now())
        RETURNING user_id AS UserId, key AS Key
        """;

    private const string KeyBusySql = """
        SELECT EXISTS (SELECT 1 FROM idempotency_keys WHERE payment_id = @PaymentId AND (completed_at IS NOT NULL OR locked_until >= now()))
        """;

    private const string PurgeSql = """
        DELETE FROM idempotency_keys
         WHERE created_at < now() - @Retention AND (completed_at IS NOT NULL OR locked_until IS NULL OR locked_until < now())
        """;

    private IdempotencyOptions Options => options.Value.Idempotency;

    private TimeSpan Retention => TimeSpan.FromHours(Math.Max(Options.RetentionHours, IdempotencyOptions.MinimumRetentionHours));

    private TimeSpan Lease => TimeSpan.FromSeconds(Options.LeaseSeconds);

    /// <summary>Claims the key, waiting (polling) while another request with it is at work, up to the configured wait.</summary>
    public async Task<IdempotencyClaim> ClaimAsync(Guid userId, string key, byte[] requestHash, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(Options.WaitSeconds);
        var poll = FirstPoll;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        while (true)
        {
            var token = Guid.NewGuid();
            var inserted = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(InsertSql,
                new { UserId = userId, Key = key, Hash = requestHash, Token = token, Lease }, cancellationToken: cancellationToken));
            if (inserted is not null) return new IdempotencyClaim(ClaimStatus.Owner, token);

            var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(ReadSql,
                new { UserId = userId, Key = key, Retention }, cancellationToken: cancellationToken));
            if (row is null) continue; // purged between the two statements: try the insert again
            if (row.Expired)
            {
                await connection.ExecuteAsync(new CommandDefinition(DeleteExpiredSql,
                    new { UserId = userId, Key = key, row.CreatedAt, Retention }, cancellationToken: cancellationToken));
                continue;
            }

            if (!row.RequestHash.AsSpan().SequenceEqual(requestHash)) return new IdempotencyClaim(ClaimStatus.Mismatch);
            if (row.Completed)
            {
                return new IdempotencyClaim(ClaimStatus.Replay,
                    Answer: new StoredAnswer(row.ResponseStatus ?? StatusCodes.Status500InternalServerError, row.ResponseBody ?? "", ContentTypeFor(row.ResponseStatus), row.ResponseLocation));
            }

            if (row.LeaseExpired)
            {
                var resumed = await connection.QueryAsync<Guid?>(new CommandDefinition(TakeOverSql,
                    new { UserId = userId, Key = key, Token = token, Lease }, cancellationToken: cancellationToken));
                var taken = resumed.ToList();
                if (taken.Count == 1) return new IdempotencyClaim(ClaimStatus.Owner, token, taken[0]);
                continue; // someone else took it over first: look again
            }

            if (time.GetUtcNow() >= deadline) return new IdempotencyClaim(ClaimStatus.InFlight);
            await Task.Delay(poll, cancellationToken);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, MaxPoll.Ticks));
        }
    }

    /// <summary>Records, in the transaction that creates it, which payment the key produced; throws if the lease was lost.</summary>
    public static async Task LinkPaymentAsync(NpgsqlTransaction transaction, Guid userId, string key, Guid token, Guid paymentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var updated = await transaction.Connection!.ExecuteAsync(new CommandDefinition(LinkPaymentSql,
            new { UserId = userId, Key = key, Token = token, PaymentId = paymentId }, transaction, cancellationToken: cancellationToken));
        if (updated != 1) throw new LeaseLostException();
    }

    public async Task CompleteAsync(Guid userId, string key, Guid token, StoredAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CompleteSql,
            new { UserId = userId, Key = key, Token = token, answer.StatusCode, answer.Body, answer.Location }, cancellationToken: cancellationToken));
    }

    /// <summary>Gives the key up without an answer (the outcome is unknown or nothing was done): the next request with it takes over at once.</summary>
    public async Task ReleaseAsync(Guid userId, string key, Guid token)
    {
        // Not cancellable: this runs after the request failed or was aborted, and must still free the key.
        await using var connection = await db.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(ReleaseSql, new { UserId = userId, Key = key, Token = token }));
    }

    /// <summary>
    /// Takes the lease of the key that created a payment, for work done without a client. Null lease and
    /// <c>busy</c> false: no key leads to the payment any more (purged), so nobody can be racing for it.
    /// </summary>
    public async Task<(bool Busy, PaymentLease? Lease)> TryLeaseForPaymentAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var leased = await connection.QuerySingleOrDefaultAsync<KeyOwner>(new CommandDefinition(LeaseForPaymentSql,
            new { PaymentId = paymentId, Token = token, Lease }, cancellationToken: cancellationToken));
        if (leased is not null) return (false, new PaymentLease(leased.UserId, leased.Key, token));
        var busy = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(KeyBusySql, new { PaymentId = paymentId }, cancellationToken: cancellationToken));
        return (busy, null);
    }

    /// <summary>Deletes keys past their retention; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(PurgeSql, new { Retention }, cancellationToken: cancellationToken));
    }

    private static string ContentTypeFor(int? statusCode) => statusCode is >= 200 and < 300 ? "application/json" : "application/problem+json";

    private sealed class KeyOwner
    {
        public Guid UserId { get; init; }

        public string Key { get; init; } = "";
    }

    private sealed class KeyRow
    {
        public byte[] RequestHash { get; init; } = [];

        public Guid? PaymentId { get; init; }

        public int? ResponseStatus { get; init; }

        public string? ResponseBody { get; init; }

        public string? ResponseLocation { get; init; }

        public bool Completed { get; init; }

        public bool LeaseExpired { get; init; }

        public bool Expired { get; init; }

        public DateTime CreatedAt { get; init; }
    }
}
