using FinFlow.Payments.Payments;
using FinFlow.Payments.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace FinFlow.Payments.Tests.Domain;

/// <summary>The payment state machine, in code and in the database, which refuses illegal changes on its own.</summary>
[Collection(PlatformSuite.Name)]
public class StateMachineTests(PaymentsPlatform platform)
{
    [Fact]
    public async Task The_database_and_the_code_allow_the_same_transitions()
    {
        var inDatabase = await platform.QueryAsync<(string From, string To)>("SELECT from_status, to_status FROM payment_transitions ORDER BY 1, 2");
        var inCode = PaymentStateMachine.Transitions
            .Select(t => (PaymentStateMachine.ToCode(t.From), PaymentStateMachine.ToCode(t.To)))
            .OrderBy(t => t.Item1, StringComparer.Ordinal).ThenBy(t => t.Item2, StringComparer.Ordinal);
        Assert.Equal(inCode, inDatabase);
    }

    [Theory]
    [InlineData(PaymentStatus.Succeeded, PaymentStatus.Pending)]
    [InlineData(PaymentStatus.Succeeded, PaymentStatus.Failed)]
    [InlineData(PaymentStatus.Failed, PaymentStatus.Succeeded)]
    [InlineData(PaymentStatus.Refunded, PaymentStatus.Succeeded)]
    [InlineData(PaymentStatus.Pending, PaymentStatus.Refunded)]
    public void Illegal_moves_are_refused_in_code(PaymentStatus from, PaymentStatus to) => Assert.False(PaymentStateMachine.CanMove(from, to));

    [Theory]
    [InlineData("UPDATE payments SET status = 'PENDING' WHERE id = @id")]
    [InlineData("UPDATE payments SET status = 'FAILED', failure_code = 'x' WHERE id = @id")]
    [InlineData("UPDATE payments SET amount_minor = 1 WHERE id = @id")]
    [InlineData("UPDATE payments SET status = 'REFUNDED' WHERE id = @id")]
    [InlineData("UPDATE payments SET processor_payment_id = 'pi_other' WHERE id = @id")]
    public async Task The_database_refuses_moving_a_succeeded_payment_backwards_or_rewriting_it(string statement)
    {
        var id = await SucceededPaymentAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() => platform.ExecuteAsync(statement, new { id }));
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal("SUCCEEDED", (await platform.QueryAsync<string>("SELECT status FROM payments WHERE id = @id", new { id }))[0]);
    }

    [Fact]
    public async Task A_payment_cannot_be_born_settled()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => platform.ExecuteAsync("""
            INSERT INTO payments (id, user_id, invoice_id, amount_minor, currency, processor, payment_method, status)
            VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 100, 'USD', 'simulated', 'pm_card_visa', 'SUCCEEDED')
            """));
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task Full_refund_through_legal_steps_is_accepted()
    {
        var id = await SucceededPaymentAsync();
        await platform.ExecuteAsync("UPDATE payments SET status = 'PARTIALLY_REFUNDED', amount_refunded_minor = 40 WHERE id = @id", new { id });
        await platform.ExecuteAsync("UPDATE payments SET status = 'REFUNDED', amount_refunded_minor = 100 WHERE id = @id", new { id });
        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            platform.ExecuteAsync("UPDATE payments SET status = 'PARTIALLY_REFUNDED', amount_refunded_minor = 100 WHERE id = @id", new { id }));
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    private async Task<Guid> SucceededPaymentAsync()
    {
        var id = Guid.NewGuid();
        await platform.ExecuteAsync("""
            INSERT INTO payments (id, user_id, invoice_id, amount_minor, currency, processor, payment_method, processor_payment_id)
            VALUES (@id, gen_random_uuid(), gen_random_uuid(), 100, 'USD', 'simulated', 'pm_card_visa', @pi);
            UPDATE payments SET status = 'SUCCEEDED' WHERE id = @id;
            """, new { id, pi = $"pi_{id:N}" });
        return id;
    }
}
